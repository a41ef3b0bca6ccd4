package org.qvd.protocol.vm;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdCommand;

/**
 * Start one VM on the addressed host. The VMAS resolves everything the host needs, so the HKD never reads
 * the database.
 *
 * @param vmId the VM's id; the libvirt domain is named {@code qvd-vm-<vmId>}
 * @param vmName the VM's name, shown as the domain title
 * @param diId the disk image's id
 * @param diPath the qcow2 disk image, relative to the host's images directory (or absolute)
 * @param useOverlay boot from a qcow2 overlay on the DI; if false the DI is attached read-only
 * @param persistentOverlay keep the overlay across starts instead of recreating it at each start
 * @param memoryMb guest memory in MiB
 * @param cpus virtual CPUs (at least 1)
 * @param homeDiskSizeMb size of the user's home disk in MiB; 0 for none. Created once, never deleted
 * @param mac the VM's fixed MAC address
 * @param ip the VM's fixed IPv4 address on the VM network, handed out by DHCP for that MAC
 * @param directBoot optional kernel/initrd to boot directly (images without a boot loader)
 * @param vmaKey optional per-start secret (64 lower-case hex chars) the guest's VMA demands on every call;
 *     the HKD hands it to the guest as SMBIOS OEM string {@code qvd.vma.key=<hex>} and sends it as header
 *     {@code X-QVD-VMA-Key}. Never logged. {@code null} from older senders (the VMA then accepts any caller)
 * @param deadline see {@link HkdCommand#deadline()}; the VMAS sets its start timeout
 * @param container present (1.2) when the desktop is a Linux container rather than a VM: {@code diPath} is then a
 *     root file system archive, {@code memoryMb} a memory limit, and the container's other limits come from here.
 *     Absent: a VM, as before
 */
public record StartVmCommand(
        String hostName,
        String correlationId,
        long vmId,
        String vmName,
        long diId,
        String diPath,
        boolean useOverlay,
        boolean persistentOverlay,
        int memoryMb,
        int cpus,
        long homeDiskSizeMb,
        String mac,
        String ip,
        DirectBoot directBoot,
        String vmaKey,
        Instant deadline,
        Container container)
        implements HkdCommand {

    private static final Pattern VMA_KEY = Pattern.compile("[0-9a-f]{64}");

    public StartVmCommand {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
        VmIds.requirePositive(vmId);
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(diPath, "diPath");
        if (memoryMb < 16) {
            throw new IllegalArgumentException("memoryMb must be at least 16, was " + memoryMb);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1, was " + cpus);
        }
        if (homeDiskSizeMb < 0) {
            throw new IllegalArgumentException("homeDiskSizeMb must not be negative");
        }
        VmIds.requireMac(mac);
        VmIds.requireIpv4(ip);
        if (vmaKey != null && !VMA_KEY.matcher(vmaKey).matches()) {
            // The key itself is never put in a message: it is a secret.
            throw new IllegalArgumentException("vmaKey must be 64 lower-case hex characters");
        }
    }

    /** A VM (1.1 senders). */
    public StartVmCommand(
            String hostName,
            String correlationId,
            long vmId,
            String vmName,
            long diId,
            String diPath,
            boolean useOverlay,
            boolean persistentOverlay,
            int memoryMb,
            int cpus,
            long homeDiskSizeMb,
            String mac,
            String ip,
            DirectBoot directBoot,
            String vmaKey,
            Instant deadline) {
        this(
                hostName,
                correlationId,
                vmId,
                vmName,
                diId,
                diPath,
                useOverlay,
                persistentOverlay,
                memoryMb,
                cpus,
                homeDiskSizeMb,
                mac,
                ip,
                directBoot,
                vmaKey,
                deadline,
                null);
    }

    /** Without a VMA key and deadline (older senders; tests). */
    public StartVmCommand(
            String hostName,
            String correlationId,
            long vmId,
            String vmName,
            long diId,
            String diPath,
            boolean useOverlay,
            boolean persistentOverlay,
            int memoryMb,
            int cpus,
            long homeDiskSizeMb,
            String mac,
            String ip,
            DirectBoot directBoot) {
        this(
                hostName,
                correlationId,
                vmId,
                vmName,
                diId,
                diPath,
                useOverlay,
                persistentOverlay,
                memoryMb,
                cpus,
                homeDiskSizeMb,
                mac,
                ip,
                directBoot,
                null,
                null);
    }

    /**
     * A start built by name rather than by 17 positions: the host, the command's correlation id and the VM are
     * required here, the rest is named on the builder (defaults: overlay used, not persistent, 1 CPU, no home disk,
     * no direct boot, no VMA key, no deadline, a VM rather than a container).
     */
    public static Builder builder(String hostName, String correlationId, long vmId) {
        return new Builder(hostName, correlationId, vmId);
    }

    /** Named parameters of a {@link StartVmCommand}; {@link #build()} checks them as the constructor does. */
    public static final class Builder {
        private final String hostName;
        private final String correlationId;
        private final long vmId;
        private String vmName;
        private long diId;
        private String diPath;
        private boolean useOverlay = true;
        private boolean persistentOverlay;
        private int memoryMb;
        private int cpus = 1;
        private long homeDiskSizeMb;
        private String mac;
        private String ip;
        private DirectBoot directBoot;
        private String vmaKey;
        private Instant deadline;
        private Container container;

        private Builder(String hostName, String correlationId, long vmId) {
            this.hostName = hostName;
            this.correlationId = correlationId;
            this.vmId = vmId;
        }

        public Builder vmName(String name) {
            this.vmName = name;
            return this;
        }

        /** The disk image: its id and its file on the host. */
        public Builder image(long id, String path) {
            this.diId = id;
            this.diPath = path;
            return this;
        }

        /** Boot from an overlay on the image (else the image read-only); keep it across starts when persistent. */
        public Builder overlay(boolean use, boolean persistent) {
            this.useOverlay = use;
            this.persistentOverlay = persistent;
            return this;
        }

        public Builder memoryMb(int mb) {
            this.memoryMb = mb;
            return this;
        }

        public Builder cpus(int count) {
            this.cpus = count;
            return this;
        }

        /** The user's home disk, created once; 0 = none. */
        public Builder homeDiskSizeMb(long mb) {
            this.homeDiskSizeMb = mb;
            return this;
        }

        /** The VM's fixed address on the VM network and the MAC that DHCP hands it to. */
        public Builder network(String macAddress, String ipAddress) {
            this.mac = macAddress;
            this.ip = ipAddress;
            return this;
        }

        public Builder directBoot(DirectBoot boot) {
            this.directBoot = boot;
            return this;
        }

        public Builder vmaKey(String key) {
            this.vmaKey = key;
            return this;
        }

        public Builder deadline(Instant instant) {
            this.deadline = instant;
            return this;
        }

        /** Limits of a container desktop; null = a VM. */
        public Builder container(Container limits) {
            this.container = limits;
            return this;
        }

        public StartVmCommand build() {
            return new StartVmCommand(
                    hostName,
                    correlationId,
                    vmId,
                    vmName,
                    diId,
                    diPath,
                    useOverlay,
                    persistentOverlay,
                    memoryMb,
                    cpus,
                    homeDiskSizeMb,
                    mac,
                    ip,
                    directBoot,
                    vmaKey,
                    deadline,
                    container);
        }
    }

    /** The same command carrying the given VMA key. */
    public StartVmCommand withVmaKey(String key) {
        return toBuilder().vmaKey(key).build();
    }

    @Override
    public StartVmCommand withDeadline(Instant newDeadline) {
        return toBuilder().deadline(newDeadline).build();
    }

    /** The same command starting a container with these limits. */
    public StartVmCommand asContainer(Container limits) {
        return toBuilder().container(limits).build();
    }

    /**
     * A builder holding every value of this command, so that each copy-with-one-change above names only its change
     * and the 17 positions are spelt out once (in {@link Builder#build()}).
     */
    private Builder toBuilder() {
        return builder(hostName, correlationId, vmId)
                .vmName(vmName)
                .image(diId, diPath)
                .overlay(useOverlay, persistentOverlay)
                .memoryMb(memoryMb)
                .cpus(cpus)
                .homeDiskSizeMb(homeDiskSizeMb)
                .network(mac, ip)
                .directBoot(directBoot)
                .vmaKey(vmaKey)
                .deadline(deadline)
                .container(container);
    }

    /** Whether this starts a container (else a VM). */
    public boolean runsAsContainer() {
        return container != null;
    }

    /** Keeps the VMA key out of logs and exception messages. */
    @Override
    public String toString() {
        return "StartVmCommand[hostName=" + hostName + ", correlationId=" + correlationId + ", vmId=" + vmId
                + ", vmName=" + vmName + ", diId=" + diId + ", diPath=" + diPath + ", useOverlay=" + useOverlay
                + ", persistentOverlay=" + persistentOverlay + ", memoryMb=" + memoryMb + ", cpus=" + cpus
                + ", homeDiskSizeMb=" + homeDiskSizeMb + ", mac=" + mac + ", ip=" + ip + ", directBoot="
                + directBoot + ", vmaKey=" + (vmaKey == null ? "none" : "***") + ", deadline=" + deadline
                + (container == null ? "" : ", container=" + container) + "]";
    }

    /** Kernel and initrd paths on the host plus the kernel command line, for direct kernel boot. */
    public record DirectBoot(String kernelPath, String initrdPath, String cmdline) {

        public DirectBoot {
            Objects.requireNonNull(kernelPath, "kernelPath");
        }
    }

    /**
     * Limits of a container desktop beyond its memory ({@code memoryMb}).
     *
     * @param cpuShares relative CPU weight against the host's other containers (cgroup cpu.shares, 2–262144;
     *     1024 is one ordinary process group)
     * @param pidsMax the most processes and threads the container may have at once (cgroup pids.max, 64–1048576)
     */
    public record Container(int cpuShares, int pidsMax) {

        public Container {
            if (cpuShares < 2 || cpuShares > 262144) {
                throw new IllegalArgumentException("cpuShares must be 2..262144, was " + cpuShares);
            }
            if (pidsMax < 64 || pidsMax > 1048576) {
                throw new IllegalArgumentException("pidsMax must be 64..1048576, was " + pidsMax);
            }
        }
    }
}
