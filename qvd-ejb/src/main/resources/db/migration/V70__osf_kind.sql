-- Issue 17: an OSF's desktops are virtual machines (as before) or Linux containers.
ALTER TABLE osf ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'vm' CHECK (kind IN ('vm', 'container'));
