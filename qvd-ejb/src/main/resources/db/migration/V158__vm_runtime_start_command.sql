-- Issue 14: the StartVm in flight, so that the VMAS can send it again, unchanged, when its host has not taken it (a
-- command routed toward a cluster node that died in that instant): its correlation id (the agent recognises a copy by
-- it), when it was last sent, and when the host first showed it had it (a heartbeat listing the VM, or its report).
ALTER TABLE vm_runtime ADD COLUMN start_cmd_id VARCHAR(36);
ALTER TABLE vm_runtime ADD COLUMN start_sent_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE vm_runtime ADD COLUMN start_taken_at TIMESTAMP(6) WITH TIME ZONE;
