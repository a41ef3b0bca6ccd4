-- TOTP secrets are stored encrypted (AES-256-GCM with the installation's key, base64): longer than the clear text.
ALTER TABLE admin_totp ALTER COLUMN secret TYPE VARCHAR(256);
