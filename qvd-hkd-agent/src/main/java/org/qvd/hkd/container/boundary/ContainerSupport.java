package org.qvd.hkd.container.boundary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.qvd.hkd.config.ConfigInvalidException;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.container.control.ContainerDriver;
import org.qvd.hkd.container.control.HostCommands;
import org.qvd.hkd.container.entity.ContainerLayout;
import org.qvd.hkd.vm.entity.StorageLayout;
import org.qvd.protocol.state.DesktopKind;

/**
 * Decides which desktop kinds this host offers (hkd.conf {@code kinds}) and builds the container driver when
 * containers are among them. A host configured for containers that lacks what they need offers VMs only and says
 * why at start, rather than failing every container start later.
 */
public final class ContainerSupport {

    private static final Logger LOG = Logger.getLogger(ContainerSupport.class.getName());
    private static final List<String> TOOLS =
            List.of("lxc-start", "lxc-stop", "lxc-info", "lxc-usernsexec", "virsh", "bridge", "tar", "mount");

    private final List<String> kinds;
    private final ContainerDriver driver;

    private ContainerSupport(List<String> kinds, ContainerDriver driver) {
        this.kinds = List.copyOf(kinds);
        this.driver = driver;
    }

    public static ContainerSupport of(HkdConfig config, StorageLayout storage) {
        List<String> configured = config.get(HkdConfig.KINDS);
        List<String> kinds = new ArrayList<>();
        for (String kind : configured) {
            try {
                kinds.add(DesktopKind.fromWire(kind).wireName());
            } catch (IllegalArgumentException e) {
                throw new ConfigInvalidException(HkdConfig.KINDS.key(), String.join(",", configured), e.getMessage());
            }
        }
        if (kinds.isEmpty()) {
            throw new ConfigInvalidException(HkdConfig.KINDS.key(), "", "must name at least one of vm, container");
        }
        if (!kinds.contains(DesktopKind.CONTAINER.wireName())) {
            return new ContainerSupport(kinds, null);
        }
        long[] idmap = idmap(config.get(HkdConfig.CONTAINER_IDMAP));
        Optional<String> missing = missingPrerequisite();
        if (missing.isPresent()) {
            LOG.severe(() -> "kinds names container, but this host cannot run containers: " + missing.get()
                    + "; offering " + kindsWithout(kinds) + " only");
            kinds.remove(DesktopKind.CONTAINER.wireName());
            if (kinds.isEmpty()) {
                throw new ConfigInvalidException(
                        "kinds names only container, and this host cannot run containers: " + missing.get());
            }
            return new ContainerSupport(kinds, null);
        }
        ContainerLayout layout = new ContainerLayout(
                Path.of(config.get(HkdConfig.CONTAINER_PATH)),
                Path.of(config.get(HkdConfig.CONTAINER_BASES)),
                storage.homesDir());
        ContainerDriver.Host host = new ContainerDriver.Host(
                layout,
                storage.imagesDir(),
                idmap[0],
                (int) idmap[1],
                config.get(HkdConfig.NETWORK_BRIDGE),
                config.get(HkdConfig.NETWORK_ADDRESS),
                prefixLength(config.get(HkdConfig.NETWORK_NETMASK)),
                Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")));
        return new ContainerSupport(
                kinds, new ContainerDriver(host, HostCommands.SYSTEM, config.get(HkdConfig.LIBVIRT_URI)));
    }

    /** The wire names of the kinds this host offers. */
    public List<String> kinds() {
        return kinds;
    }

    /** The container driver, when this host runs containers. */
    public Optional<ContainerDriver> driver() {
        return Optional.ofNullable(driver);
    }

    static long[] idmap(String text) {
        String[] parts = text.split(":");
        try {
            long first = Long.parseLong(parts[0].trim());
            long count = Long.parseLong(parts[1].trim());
            if (parts.length != 2 || first < 1 || count < 65536 || first + count > 4_294_967_294L) {
                throw new NumberFormatException();
            }
            return new long[] {first, count};
        } catch (RuntimeException e) {
            throw new ConfigInvalidException(
                    HkdConfig.CONTAINER_IDMAP.key(),
                    text,
                    "must be <first>:<count> with first > 0 and count >= 65536 (a whole id range for the container)");
        }
    }

    static int prefixLength(String netmask) {
        int bits = 0;
        for (String octet : netmask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(octet));
        }
        return bits;
    }

    private static Optional<String> missingPrerequisite() {
        for (String tool : TOOLS) {
            boolean found = List.of("/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/").stream()
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir + tool)));
            if (!found) {
                return Optional.of(tool + " is not installed (Debian: lxc uidmap iproute2 libvirt-clients)");
            }
        }
        try {
            if (Files.readAllLines(Path.of("/proc/filesystems")).stream().noneMatch(l -> l.endsWith("\toverlay"))) {
                return Optional.of("the kernel has no overlay file system");
            }
        } catch (java.io.IOException e) {
            return Optional.of("cannot read /proc/filesystems: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String kindsWithout(List<String> kinds) {
        return String.join(
                ", ",
                kinds.stream()
                        .filter(k -> !k.equals(DesktopKind.CONTAINER.wireName()))
                        .toList());
    }
}
