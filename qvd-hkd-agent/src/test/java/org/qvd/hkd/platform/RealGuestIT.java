package org.qvd.hkd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.EmbeddedBroker;
import org.qvd.hkd.messaging.VmasStandIn;
import org.qvd.hkd.vm.control.HttpVmaClient;
import org.qvd.hkd.vm.control.VmDhcp;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.testsupport.RequiredResource;

/**
 * A real guest: the agent boots the desktop image built by {@code images/build.sh} under QEMU/TCG through
 * {@code qemu:///system}, on its own libvirt network with a DHCP entry, and reports {@code running} when
 * the real VMA in the guest answers; then stops it through the VMA's poweroff. Opt-in, as it boots a guest
 * for minutes on a busy machine: {@code -Dqvd.hkd.realGuest=true} (or QVD_HKD_REAL_GUEST=true); needs root,
 * a running libvirtd and an image built in images/out (else skipped with the reason).
 */
class RealGuestIT {

    private static final Path BASE = Path.of("/var/lib/qvd/hkd-it");
    private static final Path IMAGES = Path.of(System.getProperty("qvd.hkd.imageDir", "../images/out"));
    private static final long VM = 9001;
    private static final String IP = "10.77.0.91";
    /** Under TCG on a busy 2-core machine a boot to the VMA took 5.5 min (load 25); 15-20 s when idle. */
    private static final Duration BOOT = Duration.ofSeconds(Long.getLong("qvd.hkd.bootTimeoutSeconds", 720));

    @Test
    void bootsTheDesktopImageAndReportsRunningWhenItsVmaAnswers() throws Exception {
        assumeTrue(
                "true".equals(System.getProperty("qvd.hkd.realGuest"))
                        || "true".equals(System.getenv("QVD_HKD_REAL_GUEST")),
                "real guest boot is opt-in: -Dqvd.hkd.realGuest=true");
        RequiredResource.present(libvirtdUp(), "libvirtd (qemu:///system) not running");
        Optional<Path> meta = newestImage();
        RequiredResource.present(meta.isPresent(), () -> "no desktop image in " + IMAGES + " (run images/build.sh)");
        JsonNode image = new ObjectMapper().readTree(meta.get().toFile());
        stage(image);

        try (EmbeddedBroker broker = new EmbeddedBroker()) {
            broker.start();
            HkdDaemon agent = new HkdDaemon(config(broker.url()), new HttpVmaClient(3030, Duration.ofSeconds(3)));
            try (VmasStandIn vmas = new VmasStandIn(broker.url())) {
                agent.start();
                startAndStop(agent, vmas, image);
            } finally {
                agent.close();
                cleanUp();
            }
        }
    }

    private void startAndStop(HkdDaemon agent, VmasStandIn vmas, JsonNode image) throws Exception {
        long begin = System.nanoTime();
        vmas.send(new StartVmCommand(
                "it-node",
                "real-start",
                VM,
                "real-guest",
                1,
                image.path("image").asText(),
                true,
                false,
                1024,
                1,
                256,
                "52:54:00:77:00:5b",
                IP,
                new StartVmCommand.DirectBoot(
                        BASE + "/images/" + image.path("kernel").asText(),
                        BASE + "/images/" + image.path("initrd").asText(),
                        image.path("cmdline").asText())));
        vmas.await(e -> e.message() instanceof VmStateChanged c && c.state() == VmState.RUNNING, BOOT.plusMinutes(1));
        long startMs = (System.nanoTime() - begin) / 1_000_000;
        HostHeartbeat beat = vmas.await(e -> e.message() instanceof HostHeartbeat, Duration.ofSeconds(10))
                .envelope()
                .as(HostHeartbeat.class);
        assertThat(beat.vms())
                .singleElement()
                .satisfies(vm -> assertThat(vm.state()).isEqualTo(VmState.RUNNING));

        begin = System.nanoTime();
        vmas.send(new StopVmCommand("it-node", "real-stop", VM, 120));
        vmas.await(e -> e.message() instanceof VmStateChanged c && c.state() == VmState.STOPPED, Duration.ofMinutes(3));
        long stopMs = (System.nanoTime() - begin) / 1_000_000;
        System.out.printf("RealGuestIT: StartVm -> running %d ms, StopVm -> stopped %d ms (TCG)%n", startMs, stopMs);

        Connect libvirt = agent.libvirt();
        assertThat(java.util.Arrays.stream(libvirt.listDomains()).mapToObj(id -> name(libvirt, id)))
                .doesNotContain("qvd-vm-" + VM);
        assertThat(BASE.resolve("overlays/qvd-vm-" + VM + "-overlay.qcow2")).doesNotExist();
        assertThat(new VmDhcp(libvirt, "qvd-it-net").entries()).isEmpty();
        assertThat(BASE.resolve("homes/qvd-vm-" + VM + "-home.qcow2")).exists();
    }

    private static HkdConfig config(String brokerUrl) {
        return HkdConfig.of(Map.ofEntries(
                Map.entry("host.name", "it-node"),
                Map.entry("broker.urls", brokerUrl),
                Map.entry("libvirt.uri", "qemu:///system"),
                Map.entry("libvirt.domain-type", "qemu"),
                Map.entry("storage.images", BASE + "/images"),
                Map.entry("storage.overlays", BASE + "/overlays"),
                Map.entry("storage.homes", BASE + "/homes"),
                Map.entry("storage.pool-prefix", "qvd-it"),
                Map.entry("state.dir", BASE + "/state"),
                Map.entry("vm.network.name", "qvd-it-net"),
                Map.entry("vm.network.bridge", "qvdit0"),
                Map.entry("vm.network.address", "10.77.0.1"),
                Map.entry("vm.network.netmask", "255.255.255.0"),
                Map.entry("vm.network.forward", "none"),
                Map.entry("heartbeat.period", "1s"),
                Map.entry("vma.start-timeout", BOOT.toSeconds() + "s"),
                Map.entry("vma.monitor-period", "0"),
                Map.entry("broker.reconnect.min", "200ms")));
    }

    private static String name(Connect libvirt, int id) {
        try {
            return libvirt.domainLookupByID(id).getName();
        } catch (LibvirtException e) {
            return "";
        }
    }

    static boolean libvirtdUp() {
        try {
            Connect connect = new Connect("qemu:///system");
            connect.close();
            return true;
        } catch (LibvirtException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static Optional<Path> newestImage() throws IOException {
        if (!Files.isDirectory(IMAGES)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(IMAGES)) {
            return files.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".rootfs.json"))
                    .max(Comparator.comparing(Path::toString));
        }
    }

    /** Copies the DI, kernel and initrd into the images directory once (libvirt's qemu must read them). */
    private static void stage(JsonNode image) throws IOException {
        Path images = Files.createDirectories(BASE.resolve("images"));
        for (String field : new String[] {"image", "kernel", "initrd"}) {
            Path target = images.resolve(image.path(field).asText());
            if (!Files.exists(target)) {
                Files.copy(IMAGES.resolve(image.path(field).asText()), target, StandardCopyOption.COPY_ATTRIBUTES);
                target.toFile().setReadable(true, false);
            }
        }
    }

    private static void cleanUp() throws Exception {
        Connect connect = new Connect("qemu:///system");
        try {
            quietly(() -> connect.domainLookupByName("qvd-vm-" + VM).destroy());
            quietly(() -> connect.networkLookupByName("qvd-it-net").destroy());
            quietly(() -> connect.networkLookupByName("qvd-it-net").undefine());
            for (String pool : new String[] {"qvd-it-images", "qvd-it-overlays", "qvd-it-homes"}) {
                quietly(() -> connect.storagePoolLookupByName(pool).destroy());
                quietly(() -> connect.storagePoolLookupByName(pool).undefine());
            }
        } finally {
            connect.close();
        }
        Files.deleteIfExists(BASE.resolve("homes/qvd-vm-" + VM + "-home.qcow2"));
        Files.deleteIfExists(BASE.resolve("overlays/qvd-vm-" + VM + "-overlay.qcow2"));
    }

    interface LibvirtStep {
        void run() throws LibvirtException;
    }

    static void quietly(LibvirtStep step) {
        try {
            step.run();
        } catch (LibvirtException e) {
            // already gone
        }
    }
}
