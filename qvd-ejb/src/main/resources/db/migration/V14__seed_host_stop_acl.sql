-- Stopping a host (StopHost to its agent): a new ACL, held by every role that holds host.update.block
-- (granted or denied alike), so Root, Tenant Admin (through Root) and Operator get it.
INSERT INTO acl (name, description) VALUES ('host.update.stop', 'Stop hosts (their VMs stop with them)');

INSERT INTO role_acl (role_id, acl_id, positive)
SELECT ra.role_id, stop.id, ra.positive
  FROM role_acl ra
  JOIN acl block ON block.id = ra.acl_id AND block.name = 'host.update.block'
  CROSS JOIN acl stop
 WHERE stop.name = 'host.update.stop';
