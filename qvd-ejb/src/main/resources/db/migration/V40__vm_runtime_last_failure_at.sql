-- When the VM's last start failed (issue 13, C4): shown with the reason in the VM's REST view, CLI and WAT.
ALTER TABLE vm_runtime ADD COLUMN last_failure_at TIMESTAMP(6) WITH TIME ZONE;
