-- When the administrator's password last changed or it was blocked: bearer tokens issued before are void.
ALTER TABLE administrator ADD COLUMN credentials_changed_at TIMESTAMP(6) WITH TIME ZONE;
