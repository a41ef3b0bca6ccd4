-- Users that came from a directory: their entry's DN, when the directory last vouched for them, and why it last
-- refused them (shown to admins). A user row with this link has no password of its own (hash '{directory}').
CREATE TABLE directory_user (
    user_id      BIGINT        PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    directory_id BIGINT        NOT NULL REFERENCES directory (id) ON DELETE CASCADE,
    dn           VARCHAR(2048) NOT NULL,
    checked_at   TIMESTAMP(6) WITH TIME ZONE,
    refusal      VARCHAR(1024),
    refused_at   TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_directory_user_directory ON directory_user (directory_id);
