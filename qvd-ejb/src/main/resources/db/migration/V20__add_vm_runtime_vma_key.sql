-- The per-start secret a VM's agent (VMA) demands of every caller: set when the VMAS sends StartVm, cleared when
-- the VM is stopped. Only the VMAS, its host and the L7R ever see it.
ALTER TABLE vm_runtime ADD COLUMN vma_key VARCHAR(64);
