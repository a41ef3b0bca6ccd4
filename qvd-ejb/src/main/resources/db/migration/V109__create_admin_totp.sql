-- An administrator's TOTP second factor (RFC 6238): the shared secret (needed in clear to compute codes; never shown
-- again after enrolment), whether the admin confirmed it with a first code, and the last time step used (no replay).
CREATE TABLE admin_totp (
    administrator_id BIGINT       PRIMARY KEY REFERENCES administrator (id) ON DELETE CASCADE,
    secret           VARCHAR(64)  NOT NULL,
    confirmed        BOOLEAN      NOT NULL DEFAULT FALSE,
    last_step        BIGINT       NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL DEFAULT now()
);
