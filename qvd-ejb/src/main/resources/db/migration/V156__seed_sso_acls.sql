-- ACLs of the single sign-on role mappings, granted to Root (so Tenant Admin too); Reader gets the .see one.
INSERT INTO acl (name, description) VALUES
 ('sso.see', 'See which identity provider claims make administrators with which roles'),
 ('sso.update', 'Create and delete single sign-on role mappings');
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Root' AND a.name IN ('sso.see', 'sso.update');
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Reader' AND a.name = 'sso.see';
