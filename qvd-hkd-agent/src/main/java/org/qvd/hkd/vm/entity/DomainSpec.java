package org.qvd.hkd.vm.entity;

import java.util.Objects;
import java.util.UUID;

/**
 * Everything the domain XML says about one VM.
 *
 * @param osDiskPath the overlay, or the DI itself when attached read-only
 * @param homeDiskPath the home disk, or {@code null} for none
 * @param kernelPath direct-boot kernel, or {@code null} to boot from the OS disk
 * @param vmaKey the per-start VMA key handed to the guest as SMBIOS OEM string, or {@code null}
 */
public record DomainSpec(
        long vmId,
        String vmName,
        UUID uuid,
        String domainType,
        String arch,
        int memoryMb,
        int cpus,
        String osDiskPath,
        boolean osDiskReadOnly,
        String homeDiskPath,
        String networkName,
        String mac,
        String ip,
        String kernelPath,
        String initrdPath,
        String kernelCmdline,
        String vmaKey) {

    public DomainSpec {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(domainType, "domainType");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(osDiskPath, "osDiskPath");
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
    }

    /** Keeps the VMA key out of logs. */
    @Override
    public String toString() {
        return "DomainSpec[vmId=" + vmId + ", vmName=" + vmName + ", osDiskPath=" + osDiskPath + ", ip=" + ip
                + ", vmaKey=" + (vmaKey == null ? "none" : "***") + "]";
    }

    public String domainName() {
        return VmNames.domainName(vmId);
    }
}
