-- Failed administrator logins, shared by every node of a cluster: one row per throttle key
-- ("source:<address>", "login:<name@tenant>", or "login:<name@*>|<address>" for superadmins).
-- A key whose failures exceed the free ones is refused until blocked_until (a growing delay).
CREATE TABLE admin_login_throttle (
    throttle_key    VARCHAR(400) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_admin_login_throttle_last ON admin_login_throttle (last_failure_at);
