-- ACLs of tenants' directories, granted to Root (so Tenant Admin too); Reader gets the .see one.
INSERT INTO acl (name, description) VALUES
 ('directory.see', 'See user directories (LDAP/AD) and their users'' directory state'),
 ('directory.update', 'Create, change, test and delete user directories');
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Root' AND a.name IN ('directory.see', 'directory.update');
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Reader' AND a.name = 'directory.see';
