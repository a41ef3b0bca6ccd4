package org.qvd.hkd.container.control;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.container.entity.ContainerLayout;
import org.qvd.hkd.container.entity.ContainerSpec;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.ContainerDomains;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.protocol.vm.StartVmCommand;

/**
 * Runs container desktops with LXC (issue 17): {@code lxc-start} with a generated configuration on an overlay of the
 * DI's shared, read-only root file system. A container is what a VM is to the rest of the agent ({@link
 * ContainerDomains}); its VMA answers on the VM's IP like a guest's. A stop leaves nothing behind but the home
 * directory: no container, no overlay layer or mount, no filter binding (the DHCP entry is the caller's, as for VMs).
 */
public final class ContainerDriver implements ContainerDomains {

    private static final Logger LOG = Logger.getLogger(ContainerDriver.class.getName());
    private static final Duration LXC_TIMEOUT = Duration.ofSeconds(60);

    /** The host-wide settings of container desktops. */
    public record Host(
            ContainerLayout layout,
            Path imagesDir,
            long idmapBase,
            int idmapSize,
            String bridge,
            String gateway,
            int prefixLength,
            boolean cgroupV2) {}

    private final Host host;
    private final HostCommands commands;
    private final RootfsBases bases;
    private final NetworkHook hook;
    private final LxcConfigBuilder configs = new LxcConfigBuilder();

    public ContainerDriver(Host host, HostCommands commands, String libvirtUri) {
        this.host = host;
        this.commands = commands;
        this.bases = new RootfsBases(host.layout(), commands, host.idmapBase(), host.idmapSize());
        this.hook = new NetworkHook(libvirtUri);
    }

    @Override
    public void launch(StartVmCommand command) {
        long vmId = command.vmId();
        ContainerLayout layout = host.layout();
        Path base = bases.ensure(host.imagesDir().resolve(command.diPath()).normalize());
        try {
            Files.createDirectories(layout.dir(vmId));
            Files.setPosixFilePermissions(layout.dir(vmId), PosixFilePermissions.fromString("rwx--x--x"));
            for (Path owned : List.of(layout.upper(vmId), layout.work(vmId), layout.rootfs(vmId))) {
                Files.createDirectories(owned);
            }
            ownByContainerRoot(layout.upper(vmId));
            if (command.vmaKey() != null
                    && !VmaKeyFile.write(base, layout.upper(vmId), command.vmaKey(), (int) host.idmapBase())) {
                LOG.warning(() -> "image of VM " + vmId + " has no " + VmaKeyFile.CONFIG + ": its VMA gets no key");
            }
            ensureHome(layout.home(vmId));
            ContainerSpec spec = spec(command, layout);
            writeMetadata(command, layout.metadata(vmId));
            Files.writeString(layout.filterBinding(vmId), NetworkHook.filterBinding(spec));
            Files.writeString(layout.netHook(vmId), hook.script(spec, layout.filterBinding(vmId)));
            Files.setPosixFilePermissions(layout.netHook(vmId), PosixFilePermissions.fromString("rwx------"));
            Files.writeString(layout.config(vmId), configs.build(spec));
        } catch (IOException e) {
            throw new HkdException("cannot prepare container " + ContainerLayout.name(vmId) + ": " + e.getMessage(), e);
        }
        commands.require(
                List.of(
                        "mount",
                        "-t",
                        "overlay",
                        "overlay",
                        "-o",
                        "lowerdir=" + base + ",upperdir=" + layout.upper(vmId) + ",workdir=" + layout.work(vmId),
                        layout.rootfs(vmId).toString()),
                LXC_TIMEOUT);
        HostCommands.Result started = commands.run(
                List.of(
                        "lxc-start",
                        "-n",
                        ContainerLayout.name(vmId),
                        "-P",
                        layout.containersDir().toString(),
                        "-f",
                        layout.config(vmId).toString(),
                        "-d",
                        "-p",
                        layout.monitorPid(vmId).toString()),
                LXC_TIMEOUT);
        if (!started.ok()) {
            throw new HkdException(
                    "container " + ContainerLayout.name(vmId) + " did not start: " + lastLines(vmId, started.output()));
        }
    }

    @Override
    public Optional<VmDomain> describe(long vmId) {
        Path metadata = host.layout().metadata(vmId);
        if (!Files.isRegularFile(metadata) || !running(vmId)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(metadata)) {
            p.load(in);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "unreadable " + metadata + ": " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new VmDomain(
                vmId,
                ContainerLayout.name(vmId),
                true,
                p.getProperty("ip"),
                p.getProperty("mac"),
                Integer.parseInt(p.getProperty("memoryMb", "0")),
                p.getProperty("vmaKey")));
    }

    @Override
    public List<VmDomain> list() {
        List<VmDomain> found = new ArrayList<>();
        if (!Files.isDirectory(host.layout().containersDir())) {
            return found;
        }
        try (var dirs = Files.list(host.layout().containersDir())) {
            for (Path dir : dirs.toList()) {
                OptionalLong vmId = VmNames.vmIdOf(dir.getFileName().toString());
                if (vmId.isPresent()) {
                    describe(vmId.getAsLong()).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new HkdException("cannot list containers: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public void destroy(long vmId) {
        ContainerLayout layout = host.layout();
        Path dir = layout.dir(vmId);
        if (!Files.exists(dir)) {
            return;
        }
        String name = ContainerLayout.name(vmId);
        if (running(vmId)) {
            commands.run(
                    List.of("lxc-stop", "-n", name, "-P", layout.containersDir().toString(), "-k"), LXC_TIMEOUT);
        }
        // LXC's down hook removes the filter binding; a container that died unseen may have left it
        hookDown(vmId);
        if (mounted(layout.rootfs(vmId))) {
            commands.require(List.of("umount", layout.rootfs(vmId).toString()), LXC_TIMEOUT);
        }
        commands.require(List.of("rm", "-rf", "--one-file-system", dir.toString()), LXC_TIMEOUT);
        LOG.info(() -> "container " + name + " removed (home directory kept)");
    }

    @Override
    public boolean purgeHome(long vmId) {
        Path home = host.layout().home(vmId);
        if (!Files.isDirectory(home, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        commands.require(List.of("rm", "-rf", "--one-file-system", home.toString()), LXC_TIMEOUT);
        return true;
    }

    private void hookDown(long vmId) {
        Path script = host.layout().netHook(vmId);
        if (Files.isExecutable(script)) {
            commands.run(List.of(script.toString(), ContainerLayout.name(vmId), "net", "down"), LXC_TIMEOUT);
        }
    }

    /**
     * Whether the container runs, from LXC's pid file of its monitor (removed by LXC when the container ends): file reads
     * only, because heartbeats list the containers and a process per container made them late on a loaded host.
     * Without the file (a container started otherwise), LXC is asked.
     */
    private boolean running(long vmId) {
        Path pidFile = host.layout().monitorPid(vmId);
        if (Files.isRegularFile(pidFile)) {
            try {
                String pid = Files.readString(pidFile).strip();
                Path cgroup = Path.of("/proc", pid, "cgroup");
                return pid.matches("\\d+")
                        && Files.isRegularFile(cgroup)
                        && Files.readString(cgroup).contains("lxc.monitor." + ContainerLayout.name(vmId));
            } catch (IOException e) {
                return false; // the monitor ended between the two reads
            }
        }
        return lxcSaysRunning(vmId);
    }

    private boolean lxcSaysRunning(long vmId) {
        HostCommands.Result state = commands.run(
                List.of(
                        "lxc-info",
                        "-n",
                        ContainerLayout.name(vmId),
                        "-P",
                        host.layout().containersDir().toString(),
                        "-s",
                        "-H"),
                LXC_TIMEOUT);
        return state.ok()
                && !state.output().strip().equals("STOPPED")
                && !state.output().isBlank();
    }

    private static boolean mounted(Path mountPoint) {
        try {
            String target = " " + mountPoint.toRealPath() + " ";
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().anyMatch(l -> l.contains(target));
        } catch (IOException e) {
            return false;
        }
    }

    private ContainerSpec spec(StartVmCommand command, ContainerLayout layout) {
        StartVmCommand.Container limits = command.container();
        long vmId = command.vmId();
        return new ContainerSpec(
                vmId,
                command.vmName(),
                layout.rootfs(vmId),
                layout.home(vmId),
                host.idmapBase(),
                host.idmapSize(),
                command.memoryMb(),
                limits.cpuShares(),
                limits.pidsMax(),
                host.bridge(),
                command.mac(),
                command.ip(),
                host.prefixLength(),
                host.gateway(),
                layout.netHook(vmId),
                layout.log(vmId),
                host.cgroupV2());
    }

    /** The home survives every stop and image change; root in the container owns it (the VMA creates users in it). */
    private void ensureHome(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            ownByContainerRoot(home);
        }
    }

    private void ownByContainerRoot(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", (int) host.idmapBase());
        Files.setAttribute(path, "unix:gid", (int) host.idmapBase());
    }

    /** Readable by the host's root only: it holds the VMA key. */
    private static void writeMetadata(StartVmCommand command, Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("ip", command.ip());
        p.setProperty("mac", command.mac());
        p.setProperty("memoryMb", Integer.toString(command.memoryMb()));
        if (command.vmaKey() != null) {
            p.setProperty("vmaKey", command.vmaKey());
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "QVD container desktop " + command.vmId());
        }
    }

    private String lastLines(long vmId, String output) {
        String log = "";
        try {
            Path file = host.layout().log(vmId);
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                log = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            }
        } catch (IOException e) {
            // the tool's own output below still says something
        }
        return (output.strip() + (log.isEmpty() ? "" : " | " + log)).strip();
    }
}
