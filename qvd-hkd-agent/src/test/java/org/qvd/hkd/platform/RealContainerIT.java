package org.qvd.hkd.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.container.control.ContainerDriver;
import org.qvd.hkd.container.control.HostCommands;
import org.qvd.hkd.container.entity.ContainerLayout;
import org.qvd.hkd.messaging.EmbeddedBroker;
import org.qvd.hkd.messaging.VmasStandIn;
import org.qvd.hkd.vm.control.HttpVmaClient;
import org.qvd.hkd.vm.control.VmDhcp;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.testsupport.RequiredResource;

/**
 * Real container desktops (issue 17): the agent starts two unprivileged LXC containers from the desktop image's root
 * file system archive (images/build.sh's second output) on its own libvirt network, reports each {@code running} when
 * its real VMA answers, applies the OSF's limits, keeps the two from reaching each other, and stops them leaving
 * nothing but their home directories. Needs root, a running libvirtd, LXC ({@code lxc uidmap}) and a
 * {@code *.rootfs.tar} in images/out (or {@code -Dqvd.hkd.rootfs=FILE}); skipped with the reason otherwise.
 */
class RealContainerIT {

    private static final Path BASE = Path.of("/var/lib/qvd/hkd-ct-it");
    private static final Path IMAGES = Path.of(System.getProperty("qvd.hkd.imageDir", "../images/out"));
    private static final String NETWORK = "qvd-ct-it-net";
    private static final long A = 9101;
    private static final long B = 9102;
    private static final String IP_A = "10.78.0.11";
    private static final String IP_B = "10.78.0.12";
    private static final Duration START = Duration.ofSeconds(120);
    private static final String KEY = "c0ffee".repeat(10) + "c0de";

    @Test
    void startsTwoIsolatedContainerDesktopsAndStopsThemLeavingOnlyTheirHomes() throws Exception {
        RequiredResource.root("LXC, mount");
        RequiredResource.executable(Path.of("/usr/bin/lxc-start"), "lxc uidmap");
        RequiredResource.present(RealGuestIT.libvirtdUp(), "libvirtd (qemu:///system) not running");
        Optional<Path> rootfs = rootfsArchive();
        RequiredResource.present(rootfs.isPresent(), () -> "no *.rootfs.tar in " + IMAGES + " (run images/build.sh)");
        Path images = Files.createDirectories(BASE.resolve("images"));
        Path di = images.resolve(rootfs.get().getFileName());
        if (!Files.exists(di)) {
            try {
                Files.createLink(di, rootfs.get().toRealPath());
            } catch (IOException e) {
                Files.copy(rootfs.get(), di);
            }
        }

        try (EmbeddedBroker broker = new EmbeddedBroker()) {
            broker.start();
            HkdDaemon agent = new HkdDaemon(config(broker.url()), new HttpVmaClient(3030, Duration.ofSeconds(3)));
            try (VmasStandIn vmas = new VmasStandIn(broker.url())) {
                agent.start();
                HostRegistered registered = vmas.await(
                                e -> e.message() instanceof HostRegistered, Duration.ofSeconds(30))
                        .envelope()
                        .as(HostRegistered.class);
                assertThat(registered.kinds()).containsExactly("vm", "container");
                runTwoContainers(agent, vmas, di.getFileName().toString());
            } finally {
                agent.close();
            }
        }
    }

    private void runTwoContainers(HkdDaemon agent, VmasStandIn vmas, String diPath) throws Exception {
        long begin = System.nanoTime();
        vmas.send(start(A, IP_A, diPath));
        awaitState(vmas, A, VmState.RUNNING, START);
        long firstMs = (System.nanoTime() - begin) / 1_000_000;
        begin = System.nanoTime();
        vmas.send(start(B, IP_B, diPath));
        awaitState(vmas, B, VmState.RUNNING, START);
        long secondMs = (System.nanoTime() - begin) / 1_000_000;

        String lxcPath = BASE.resolve("containers").toString();
        // the agent reported running only after its pings with the key were answered; without the key: refused
        assertThat(java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://" + IP_A + ":3030/vma/ping"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(attach(lxcPath, A, "cat", "/proc/self/uid_map").output().strip())
                .as("root in the container is host uid 100000")
                .matches("0\\s+100000\\s+65536");
        assertThat(cgroup("memory", A, "memory.limit_in_bytes")).isEqualTo(String.valueOf(512L * 1024 * 1024));
        assertThat(cgroup("pids", A, "pids.max")).isEqualTo("300");
        assertThat(attach(lxcPath, A, "timeout", "3", "bash", "-c", "echo > /dev/tcp/" + IP_B + "/3030")
                        .ok())
                .as("container A cannot reach container B's VMA port")
                .isFalse();
        assertThat(attach(lxcPath, A, "timeout", "3", "bash", "-c", "echo > /dev/tcp/" + IP_A + "/3030")
                        .ok())
                .as("the probe works: A reaches its own port")
                .isTrue();
        assertThat(HostCommands.SYSTEM
                        .run(List.of("bridge", "-d", "link", "show", "dev", "qvdct" + A), Duration.ofSeconds(5))
                        .output())
                .contains("isolated on");

        begin = System.nanoTime();
        vmas.send(new StopVmCommand("ct-node", "stop-a", A, 30));
        vmas.send(new StopVmCommand("ct-node", "stop-b", B, 30));
        // the two stops run in parallel: their events come in either order (the stand-in drops what it skips)
        java.util.Set<Long> stopping = new java.util.HashSet<>(List.of(A, B));
        while (!stopping.isEmpty()) {
            VmStateChanged stopped = vmas.await(
                            e -> e.message() instanceof VmStateChanged c
                                    && stopping.contains(c.vmId())
                                    && c.state() == VmState.STOPPED,
                            Duration.ofSeconds(60))
                    .envelope()
                    .as(VmStateChanged.class);
            stopping.remove(stopped.vmId());
        }
        long stopMs = (System.nanoTime() - begin) / 1_000_000;
        System.out.printf(
                "RealContainerIT: first StartVm -> running %d ms (includes unpacking the image if this host had not yet), "
                        + "second %d ms, two StopVm -> stopped %d ms%n",
                firstMs, secondMs, stopMs);

        for (long vm : List.of(A, B)) {
            assertThat(BASE.resolve("containers/qvd-vm-" + vm))
                    .as("container directory of " + vm)
                    .doesNotExist();
            assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain("qvd-vm-" + vm);
            assertThat(Path.of("/sys/class/net/qvdct" + vm)).doesNotExist();
            assertThat(HostCommands.SYSTEM
                            .run(
                                    List.of("virsh", "-c", "qemu:///system", "nwfilter-binding-list"),
                                    Duration.ofSeconds(10))
                            .output())
                    .doesNotContain("qvdct" + vm);
            assertThat(BASE.resolve("homes/qvd-vm-" + vm + "-home"))
                    .as("the home stays")
                    .isDirectory();
        }
        assertThat(new VmDhcp(agent.libvirt(), NETWORK).entries()).isEmpty();
    }

    private static StartVmCommand start(long vmId, String ip, String diPath) {
        String mac = String.format("02:51:0a:4e:00:%02x", vmId % 256);
        return new StartVmCommand(
                        "ct-node",
                        "start-" + vmId,
                        vmId,
                        "ct-" + vmId,
                        1,
                        diPath,
                        true,
                        false,
                        512,
                        1,
                        0,
                        mac,
                        ip,
                        null)
                .withVmaKey(KEY)
                .asContainer(new StartVmCommand.Container(1024, 300));
    }

    private static void awaitState(VmasStandIn vmas, long vmId, VmState state, Duration timeout) throws Exception {
        vmas.await(e -> e.message() instanceof VmStateChanged c && c.vmId() == vmId && c.state() == state, timeout);
    }

    private static HostCommands.Result attach(String lxcPath, long vmId, String... command) {
        List<String> args =
                new java.util.ArrayList<>(List.of("lxc-attach", "-n", "qvd-vm-" + vmId, "-P", lxcPath, "--"));
        args.addAll(List.of(command));
        return HostCommands.SYSTEM.run(args, Duration.ofSeconds(20));
    }

    private static String cgroup(String controller, long vmId, String file) {
        return HostCommands.SYSTEM
                .run(
                        List.of(
                                "lxc-cgroup",
                                "-n",
                                "qvd-vm-" + vmId,
                                "-P",
                                BASE.resolve("containers").toString(),
                                file),
                        Duration.ofSeconds(10))
                .output()
                .strip();
    }

    private static HkdConfig config(String brokerUrl) {
        return HkdConfig.of(Map.ofEntries(
                Map.entry("host.name", "ct-node"),
                Map.entry("broker.urls", brokerUrl),
                Map.entry("libvirt.uri", "qemu:///system"),
                Map.entry("libvirt.domain-type", "qemu"),
                Map.entry("kinds", "vm, container"),
                Map.entry("container.path", BASE + "/containers"),
                Map.entry("container.bases", BASE + "/bases"),
                Map.entry("storage.images", BASE + "/images"),
                Map.entry("storage.overlays", BASE + "/overlays"),
                Map.entry("storage.homes", BASE + "/homes"),
                Map.entry("storage.pool-prefix", "qvd-ct-it"),
                Map.entry("state.dir", BASE + "/state"),
                Map.entry("vm.network.name", NETWORK),
                Map.entry("vm.network.bridge", "qvdctit0"),
                Map.entry("vm.network.address", "10.78.0.1"),
                Map.entry("vm.network.netmask", "255.255.255.0"),
                Map.entry("vm.network.forward", "none"),
                Map.entry("heartbeat.period", "1s"),
                Map.entry("vma.start-timeout", START.toSeconds() + "s"),
                Map.entry("vma.ping-interval", "200ms"),
                Map.entry("vma.monitor-period", "0"),
                Map.entry("broker.reconnect.min", "200ms")));
    }

    private static Optional<Path> rootfsArchive() throws IOException {
        String given = System.getProperty("qvd.hkd.rootfs");
        if (given != null) {
            return Optional.of(Path.of(given)).filter(Files::isRegularFile);
        }
        if (!Files.isDirectory(IMAGES)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(IMAGES)) {
            return files.filter(p -> p.toString().endsWith(".rootfs.tar")).max(Comparator.comparing(Path::toString));
        }
    }

    /** The network and pools of this test go; the unpacked image stays for the next run (as on a real host). */
    @AfterAll
    static void cleanUp() throws Exception {
        if (!RealGuestIT.libvirtdUp()) {
            return;
        }
        // a failed run must not leave its containers running (the next run's agent would adopt them)
        ContainerDriver driver = new ContainerDriver(
                new ContainerDriver.Host(
                        new ContainerLayout(BASE.resolve("containers"), BASE.resolve("bases"), BASE.resolve("homes")),
                        BASE.resolve("images"),
                        100000,
                        65536,
                        "qvdctit0",
                        "10.78.0.1",
                        24,
                        false),
                HostCommands.SYSTEM,
                "qemu:///system");
        for (long vm : List.of(A, B)) {
            if (Files.isExecutable(Path.of("/usr/bin/lxc-stop"))) {
                driver.destroy(vm);
            }
        }
        Connect connect = new Connect("qemu:///system");
        try {
            RealGuestIT.quietly(() -> connect.networkLookupByName(NETWORK).destroy());
            RealGuestIT.quietly(() -> connect.networkLookupByName(NETWORK).undefine());
            for (String pool : new String[] {"qvd-ct-it-images", "qvd-ct-it-overlays", "qvd-ct-it-homes"}) {
                RealGuestIT.quietly(() -> connect.storagePoolLookupByName(pool).destroy());
                RealGuestIT.quietly(() -> connect.storagePoolLookupByName(pool).undefine());
            }
        } finally {
            connect.close();
        }
        for (long vm : List.of(A, B)) {
            HostCommands.SYSTEM.run(
                    List.of(
                            "rm",
                            "-rf",
                            BASE.resolve("homes/qvd-vm-" + vm + "-home").toString()),
                    Duration.ofSeconds(30));
        }
    }
}
