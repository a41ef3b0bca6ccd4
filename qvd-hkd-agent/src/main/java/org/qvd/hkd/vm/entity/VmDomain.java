package org.qvd.hkd.vm.entity;

/**
 * A QVD domain found in libvirt, with what the agent wrote into its metadata when it started it.
 *
 * @param active whether the domain runs (running, paused or blocked)
 * @param ip the VM's address, or {@code null} if the domain carries no QVD metadata
 * @param vmaKey the VMA key the guest was given (its SMBIOS OEM string), or {@code null}
 */
public record VmDomain(
        long vmId, String domainName, boolean active, String ip, String mac, int memoryMb, String vmaKey) {

    /** Keeps the VMA key out of logs. */
    @Override
    public String toString() {
        return "VmDomain[vmId=" + vmId + ", domainName=" + domainName + ", active=" + active + ", ip=" + ip + ", mac="
                + mac + ", memoryMb=" + memoryMb + ", vmaKey=" + (vmaKey == null ? "none" : "***") + "]";
    }
}
