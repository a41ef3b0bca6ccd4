-- Fixed roles shared by every tenant (they live in tenant 0):
--   Root = every ACL; Tenant Admin = Root minus tenant management (inheritance + denial);
--   Reader = every *.see ACL; Operator = Reader + day-to-day operations.
INSERT INTO role (tenant_id, name, description, fixed) VALUES
 (0, 'Root', 'Every ACL', TRUE),
 (0, 'Tenant Admin', 'Everything inside a tenant, no tenant management', TRUE),
 (0, 'Reader', 'Sees everything, changes nothing', TRUE),
 (0, 'Operator', 'Reader plus starting, stopping, blocking and disconnecting', TRUE);

INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a WHERE r.tenant_id = 0 AND r.name = 'Root';

INSERT INTO role_inheritance (role_id, inherited_id)
SELECT ta.id, root.id FROM role ta, role root
 WHERE ta.tenant_id = 0 AND ta.name = 'Tenant Admin' AND root.tenant_id = 0 AND root.name = 'Root';
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, FALSE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Tenant Admin' AND a.name LIKE 'tenant.%' AND a.name <> 'tenant.see';

INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Reader' AND a.name LIKE '%.see';

INSERT INTO role_inheritance (role_id, inherited_id)
SELECT op.id, rd.id FROM role op, role rd
 WHERE op.tenant_id = 0 AND op.name = 'Operator' AND rd.tenant_id = 0 AND rd.name = 'Reader';
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Operator'
   AND a.name IN ('vm.update.state', 'vm.update.block', 'vm.update.disconnect', 'user.update.block',
                  'host.update.block', 'di.update.block');
