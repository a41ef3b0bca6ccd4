-- Issue 18: View (read-only) and Assist (shared keyboard and mouse) of a user's running session from the WAT.
-- As V12 says, an added ACL is also granted to Root (Tenant Admin inherits it); Reader and Operator do not get them.
INSERT INTO acl (name, description) VALUES
 ('vm.spy', 'View a user''s running desktop (read-only)'),
 ('vm.assist', 'Assist a user: shared keyboard and mouse on their running desktop');
INSERT INTO role_acl (role_id, acl_id, positive)
SELECT r.id, a.id, TRUE FROM role r CROSS JOIN acl a
 WHERE r.tenant_id = 0 AND r.name = 'Root' AND a.name IN ('vm.spy', 'vm.assist');
