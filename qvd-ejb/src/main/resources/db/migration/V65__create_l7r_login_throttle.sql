-- The L7R's failed-login counters, shared by every node of a cluster (docs/l7r-protocol.md "Brute force"):
-- one row per throttle key, stored as its kind ("a:" address, "l:" login, "p:" login from an address) and the
-- SHA-256 of the whole key (no login or address in clear, no NUL from a client's login in a text column).
-- A key is refused until locked_until; failures count from first_failure_at within the L7R's window.
CREATE TABLE l7r_login_throttle (
    throttle_key     VARCHAR(80)  PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    first_failure_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    locked_at        TIMESTAMP(6) WITH TIME ZONE,
    locked_until     TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_l7r_login_throttle_first ON l7r_login_throttle (first_failure_at);
