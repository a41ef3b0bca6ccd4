-- Issue 18: an administrator's View/Assist of a running VM (docs/browser.md). One row per use: issued by the WAT
-- (ACL vm.spy or vm.assist), redeemed ONCE by the node that relays the WebSocket, ended when the viewer leaves.
-- Only a hash of the ticket's secret is kept. Who, when and how long also go to the audit log.
CREATE TABLE vm_watch_ticket (
    id           BIGSERIAL PRIMARY KEY,
    vm_id        BIGINT       NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    admin_id     BIGINT,
    admin_name   VARCHAR(200) NOT NULL,
    tenant_id    BIGINT,
    tenant_name  VARCHAR(200),
    mode         VARCHAR(10)  NOT NULL CHECK (mode IN ('view', 'assist')),
    secret_hash  VARCHAR(64)  NOT NULL,
    issued_at    TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    used_at      TIMESTAMPTZ,
    ended_at     TIMESTAMPTZ
);
CREATE INDEX vm_watch_ticket_vm ON vm_watch_ticket (vm_id);
