package org.qvd.hkd.vm.control;

/**
 * Removes what a VM uses on this host: its domain, its throw-away overlay and its DHCP entry. Persistent
 * overlays and home disks stay. Safe to repeat.
 */
public final class VmTeardown {

    private final VmDomains domains;
    private final VmStorage storage;
    private final VmDhcp dhcp;

    public VmTeardown(VmDomains domains, VmStorage storage, VmDhcp dhcp) {
        this.domains = domains;
        this.storage = storage;
        this.dhcp = dhcp;
    }

    public void teardown(long vmId) {
        domains.destroy(vmId);
        storage.deleteOverlay(vmId);
        dhcp.removeHost(vmId);
    }
}
