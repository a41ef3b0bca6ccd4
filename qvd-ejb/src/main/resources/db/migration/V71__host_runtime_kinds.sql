-- Issue 17: the desktop kinds a host's agent offers, comma-separated wire names; agents before it run VMs only.
ALTER TABLE host_runtime ADD COLUMN kinds VARCHAR(64) NOT NULL DEFAULT 'vm';
