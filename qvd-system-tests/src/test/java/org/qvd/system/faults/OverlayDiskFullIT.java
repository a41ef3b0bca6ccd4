package org.qvd.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.host.AgentFarm;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.RequiredResource;

/**
 * Faults tier, item 5 of issue 13: the overlay storage is full when a VM starts. A real full disk (a 64 KiB tmpfs
 * mounted as the agent's overlay store), real libvirt ({@code qemu:///system}: its storage driver runs qemu-img) and
 * the real agent process against the running VMAS, on pools and a network of their own (prefix {@code qvdfull}) so
 * nothing of a developer's or the guest tier's host is touched; all removed afterwards. The start fails before any
 * guest runs: the admin reads a clear reason, and no overlay file, domain or DHCP entry is left half-made.
 * Needs root (mount) and a running libvirtd; skipped with the reason otherwise.
 */
@ExtendWith(RunningSystem.class)
class OverlayDiskFullIT {

    private static final String HOST = "diskfull-node";
    private static final String PREFIX = "qvdfull";
    private static final String NETWORK = PREFIX + "-net";

    @Test
    void aStartOnAFullOverlayStoreFailsWithAClearReasonAndLeavesNothing(QvdSystem system) throws Exception {
        RequiredResource.present(Files.exists(Path.of("/var/run/libvirt/libvirt-sock")), "libvirtd is not running");
        RequiredResource.root("mounting a small tmpfs");
        // domain names are not prefixed: this agent would report another system's qvd-vm-N (e.g. a guest tier run on
        // this libvirtd) as its own, and the VMAS would have it reaped and blame this test's VM N for it
        List<String> foreign = virsh("list", "--all", "--name")
                .lines()
                .map(String::strip)
                .filter(d -> d.startsWith("qvd-vm-"))
                .toList();
        RequiredResource.present(
                foreign.isEmpty(),
                () -> "qemu:///system already holds QVD guests " + foreign
                        + " of another system, which this test's agent would reap");
        Path dir = Path.of("target", "faults-diskfull").toAbsolutePath();
        Path overlays = dir.resolve("overlays");
        Files.createDirectories(overlays);
        Path tiny = dir.resolve("tiny.qcow2");
        Files.deleteIfExists(tiny);
        run("qemu-img", "create", "-f", "qcow2", tiny.toString(), "1G");
        run("mount", "-t", "tmpfs", "-o", "size=64k", "qvd-diskfull", overlays.toString());
        try (AgentFarm farm = new AgentFarm(system, HOST, dir)) {
            // a real qcow2 uploaded: the VMAS places it in its image storage, which this host reads as its own
            long[] tenant = farm.tenantUserAndOsf(Files.readAllBytes(tiny), false);
            farm.startAgent(
                    "libvirt.uri=qemu:///system",
                    "storage.pool-prefix=" + PREFIX,
                    "storage.overlays=" + overlays,
                    "storage.homes=" + dir.resolve("homes"),
                    "vm.network.name=" + NETWORK,
                    "vm.network.bridge=qvdfullbr0",
                    "vm.network.address=10.97.0.1",
                    "vm.network.netmask=255.255.255.0",
                    "vm.network.forward=none");
            farm.awaitHost("running", Duration.ofSeconds(90));
            long vm = farm.vm(tenant);

            farm.start(vm);

            JsonNode failed = farm.awaitVm(
                    vm,
                    v -> "stopped".equals(v.path("state").asText())
                            && !v.path("lastFailure").isNull(),
                    Duration.ofSeconds(60),
                    "stopped with a failure");
            System.out.println(
                    "FAULT overlay store full: " + failed.path("lastFailure").asText());
            assertThat(failed.path("lastFailure").asText())
                    .startsWith("StartVm failed on host " + HOST + ": no space left on the host's storage: ");
            try (Stream<Path> left = Files.list(overlays)) {
                assertThat(left).as("nothing half-written in the overlay store").isEmpty();
            }
            assertThat(virsh("list", "--all", "--name")).doesNotContain("qvd-vm-" + vm);
            assertThat(virsh("net-dumpxml", NETWORK)).as("no DHCP entry").doesNotContain("<host ");
        } finally {
            for (String pool : List.of("images", "overlays", "homes")) {
                virsh("pool-destroy", PREFIX + "-" + pool);
                virsh("pool-undefine", PREFIX + "-" + pool);
            }
            virsh("net-destroy", NETWORK);
            virsh("net-undefine", NETWORK);
            run("umount", overlays.toString());
        }
    }

    private static String virsh(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("virsh", "-c", "qemu:///system"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    }
}
