package org.qvd.guest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.guest.platform.ClientProcess;
import org.qvd.guest.platform.ContainerDesktop;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.Processes;
import org.qvd.guest.platform.XDisplay;

/**
 * P2 of the L7R issue: a cold {@code connect_to_vm} (VM stopped) until the desktop's first frame is on the
 * client's display, against a bare {@code qemu} boot of the same image (same kernel, initrd, memory, TCG) until
 * the VMA's port answers, measured one after the other in the same run. The ratio is the farm's overhead:
 * placement, JMS, libvirt, DHCP, x_start, nxagent and the NX handshake. Run by {@code bench/guest/run.sh}
 * ({@code -Dqvd.bench.coldConnect=true}); skipped otherwise.
 */
@ExtendWith(GuestSystem.class)
class ColdConnectBenchIT {
    private static final Path WORK =
            Path.of(System.getProperty("qvd.guest.artifacts", "target/guest-artifacts"), "bench");

    @Test
    void coldConnectToFirstFrameAgainstABareQemuBoot(GuestSystem.Running r) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("qvd.bench.coldConnect"), "benchmark: -Dqvd.bench.coldConnect=true");
        JsonNode image =
                new ObjectMapper().readTree(GuestSystem.newestImageMetadata().toFile());
        Path out = GuestSystem.newestImageMetadata().getParent();
        long bareMs = bareBoot(out, image);

        long vm = r.demo().vmId();
        assertThat(r.admin().vm(vm).path("state").asText()).isEqualTo("stopped");
        // each run starts a system with a new key store: the client must meet it as a new server (trust on first use),
        // not refuse it as a changed one because of the last run's known_servers
        Files.deleteIfExists(WORK.resolve("known_servers"));
        long vmColdMs;
        Files.deleteIfExists(WORK.resolve("bench-client.log"));
        try (XDisplay display = XDisplay.start(50, WORK.resolve("xvfb.log"));
                ColdConnectTimeline timeline = ColdConnectTimeline.start(
                        r,
                        vm,
                        Optional.of(Path.of("/var/log/libvirt/qemu/qvd-vm-" + vm + "-console.log")),
                        WORK.resolve("bench-client.log"))) {
            long begin = System.nanoTime();
            boolean drawn = false;
            try (ClientProcess client = ClientProcess.connect(
                    display,
                    r.system().l7rPort(),
                    r.demo().user() + "@default",
                    r.demo().password(),
                    vm,
                    WORK,
                    "bench-client")) {
                while (display.colours(WORK.resolve("bench-frame.png")) < 8) {
                    assertThat(client.isAlive())
                            .as("client ended: %s", client.output())
                            .isTrue();
                    assertThat(System.nanoTime() - begin)
                            .as("no desktop after 10 min")
                            .isLessThan(600_000_000_000L);
                    Thread.sleep(250);
                }
                long coldMs = (System.nanoTime() - begin) / 1_000_000;
                timeline.firstFrame(java.time.Instant.now());
                Thread.sleep(1500); // the console and the agent's log catch up
                System.out.printf("P2 bare qemu boot -> VMA port answers: %d ms%n", bareMs);
                System.out.printf("P2 cold connect_to_vm -> first desktop frame on the client: %d ms%n", coldMs);
                System.out.printf("P2 overhead ratio (cold connect / bare boot): %.2f%n", (double) coldMs / bareMs);
                System.out.printf(
                        "P2 load average: %s%n",
                        Files.readString(Path.of("/proc/loadavg")).trim());
                timeline.print("vm");
                account(timeline, bareMs);
                vmColdMs = coldMs;
                drawn = true;
            } finally {
                if (!drawn) {
                    timeline.print("vm (failed)"); // where it got stuck
                }
            }
        }
        r.admin().post("/vms/" + vm + "/stop");
        awaitStopped(r, vm); // the VM's shutdown must not share the CPU with the container's start
        containerColdConnect(r, vmColdMs);
    }

    /**
     * The same cold connect to the demo user's container desktop (issue 17) in the same run, after the VM's: goal
     * under 5 s. Skipped (only this part) where LXC or a container image is missing.
     */
    private static void containerColdConnect(GuestSystem.Running r, long vmColdMs) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/lxc-start"))) {
            System.out.println("P2 container: skipped, LXC is not installed");
            return;
        }
        long ct = ContainerDesktop.demo(r).vm();
        Files.deleteIfExists(WORK.resolve("bench-client-ct.log"));
        try (XDisplay display = XDisplay.start(52, WORK.resolve("xvfb-ct.log"));
                ColdConnectTimeline timeline =
                        ColdConnectTimeline.start(r, ct, Optional.empty(), WORK.resolve("bench-client-ct.log"))) {
            long begin = System.nanoTime();
            try (ClientProcess client = ClientProcess.connect(
                    display,
                    r.system().l7rPort(),
                    r.demo().user() + "@default",
                    r.demo().password(),
                    ct,
                    WORK,
                    "bench-client-ct")) {
                while (display.colours(WORK.resolve("bench-frame-ct.png")) < 8) {
                    assertThat(client.isAlive())
                            .as("client ended: %s", client.output())
                            .isTrue();
                    assertThat(System.nanoTime() - begin)
                            .as("no container desktop after 5 min")
                            .isLessThan(300_000_000_000L);
                    Thread.sleep(250);
                }
                long coldMs = (System.nanoTime() - begin) / 1_000_000;
                System.out.printf(
                        "P2 container cold connect_to_vm -> first desktop frame on the client: %d ms "
                                + "(first start of this run; includes the one-time unpack if this host had not unpacked the image before)%n",
                        coldMs);
                System.out.printf("P2 container / VM cold connect: %.3f%n", (double) coldMs / vmColdMs);
                timeline.firstFrame(java.time.Instant.now());
                Thread.sleep(1000);
                timeline.print("container");
                System.out.printf(
                        "P2 load average: %s%n",
                        Files.readString(Path.of("/proc/loadavg")).trim());
            }
            r.admin().post("/vms/" + ct + "/stop");
            awaitStopped(r, ct);
            begin = System.nanoTime();
            try (ClientProcess client = ClientProcess.connect(
                    display,
                    r.system().l7rPort(),
                    r.demo().user() + "@default",
                    r.demo().password(),
                    ct,
                    WORK,
                    "bench-client-ct2")) {
                while (display.colours(WORK.resolve("bench-frame-ct2.png")) < 8) {
                    assertThat(client.isAlive())
                            .as("client ended: %s", client.output())
                            .isTrue();
                    assertThat(System.nanoTime() - begin)
                            .as("no container desktop after 5 min")
                            .isLessThan(300_000_000_000L);
                    Thread.sleep(250);
                }
                long coldMs = (System.nanoTime() - begin) / 1_000_000;
                System.out.printf(
                        "P2 container cold connect_to_vm (second, image unpacked) -> first desktop frame: "
                                + "%d ms; / VM cold connect: %.3f%n",
                        coldMs, (double) coldMs / vmColdMs);
            }
            r.admin().post("/vms/" + ct + "/stop");
        }
    }

    /**
     * The cold connect in three parts against the bare boot: before the guest boots (client, L7R, VMAS, agent: disks,
     * DHCP entry, libvirt), the boot (domain created until the VMA answers the agent) against the bare boot of the same
     * image to its VMA port, and after (running reported, x_start, nxagent, 101, first frame). Only the boot is the
     * guest's; the rest is ours.
     */
    private static void account(ColdConnectTimeline t, long bareMs) {
        Optional<java.time.Instant> created = t.at("agent: domain created");
        Optional<java.time.Instant> running = t.at("agent: VMA answered");
        Optional<java.time.Instant> frame = t.at("client: first desktop frame");
        if (created.isEmpty() || running.isEmpty() || frame.isEmpty()) {
            System.out.println("P2 accounted: incomplete timeline (see the lines above)");
            return;
        }
        double before = ColdConnectTimeline.secs(t.begin(), created.get());
        double boot = ColdConnectTimeline.secs(created.get(), running.get());
        double after = ColdConnectTimeline.secs(running.get(), frame.get());
        System.out.printf(
                "P2 accounted: before the boot %.1f s (ours) + boot %.1f s (bare boot %.1f s: %+.1f s) + after"
                        + " the boot %.1f s (ours) = %.1f s; ratio without our parts: %.2f%n",
                before,
                boot,
                bareMs / 1000.0,
                boot - bareMs / 1000.0,
                after,
                before + boot + after,
                boot / (bareMs / 1000.0));
    }

    /**
     * libvirt runs its guests in the cpu cgroup {@code machine} (cgroup v1 here: {@code /sys/fs/cgroup/cpu/machine}), so
     * all guests together weigh as much as one task of the host's root group. A bare qemu among the root group's tasks
     * gets a weight per thread (its vCPU and its main loop): on a machine loaded by other builds it boots about twice as
     * fast as the same guest under libvirt (81.5 s against 225.5 s to the VMA at load 45, 2026-12-06 07:46-07:52), which
     * is not ours to cut. The bare boot joins a group of its own beside libvirt's guests, so both compete alike.
     */
    private static Optional<Path> intoGuestsCpuGroup(long pid) {
        Path machine = Path.of("/sys/fs/cgroup/cpu/machine");
        if (!Files.isDirectory(machine)) {
            System.out.println("P2 bare boot: no cgroup v1 cpu group 'machine' here; it runs in the test's group");
            return Optional.empty();
        }
        Path group = machine.resolve("qvd-bench-bare-boot");
        try {
            Files.createDirectories(group);
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
            System.out.println("P2 bare boot: in the cpu cgroup " + group + " beside libvirt's guests");
            return Optional.of(group);
        } catch (java.io.IOException e) {
            System.out.println(
                    "P2 bare boot: cannot join " + group + " (" + e.getMessage() + "); it runs in the test's group");
            return Optional.empty();
        }
    }

    private static String at(Optional<StampedLines.Line> line, java.time.Instant from) {
        return line.map(l -> String.format("%+.1f s", ColdConnectTimeline.secs(from, l.at())))
                .orElse("(not seen)");
    }

    private static void awaitStopped(GuestSystem.Running r, long vm) throws InterruptedException {
        for (int i = 0; i < 1200 && !r.admin().vm(vm).path("state").asText().equals("stopped"); i++) {
            Thread.sleep(250);
        }
    }

    /** qemu itself, as libvirt would run it for this image (TCG, same memory), until the VMA answers ping. */
    private static long bareBoot(Path out, JsonNode image) throws Exception {
        Files.createDirectories(WORK);
        Path overlay = WORK.resolve("bare-overlay.qcow2");
        Files.deleteIfExists(overlay);
        Processes.run(List.of(
                "qemu-img",
                "create",
                "-q",
                "-f",
                "qcow2",
                "-F",
                "qcow2",
                "-b",
                out.resolve(image.get("image").asText()).toString(),
                overlay.toString()));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path serial = WORK.resolve("bare-serial.log");
        Files.deleteIfExists(serial);
        StampedLines console = StampedLines.follow(serial);
        java.time.Instant started = java.time.Instant.now();
        long begin = System.nanoTime();
        Process qemu = new ProcessBuilder(
                        "qemu-system-x86_64",
                        "-accel",
                        "tcg",
                        "-m",
                        "1024",
                        "-smp",
                        "1",
                        "-kernel",
                        out.resolve(image.get("kernel").asText()).toString(),
                        "-initrd",
                        out.resolve(image.get("initrd").asText()).toString(),
                        "-append",
                        image.get("cmdline").asText(),
                        "-drive",
                        "file=" + overlay + ",if=virtio,format=qcow2",
                        "-netdev",
                        "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:3030",
                        "-device",
                        "virtio-net-pci,netdev=n0",
                        "-display",
                        "none",
                        "-serial",
                        "file:" + serial)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("bare-qemu.log").toFile())
                .start();
        Optional<Path> cgroup = intoGuestsCpuGroup(qemu.pid());
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/vma/ping"))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            while (true) {
                assertThat(qemu.isAlive()).as("qemu ended; see %s", WORK).isTrue();
                assertThat(System.nanoTime() - begin)
                        .as("bare boot: no VMA after 10 min")
                        .isLessThan(600_000_000_000L);
                try {
                    if (http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        long ms = (System.nanoTime() - begin) / 1_000_000;
                        console.close();
                        System.out.printf(
                                "P2 timeline bare: first console output %s, systemd starts %s, network online"
                                        + " %s, VMA listening %s, ping answered %+.1f s%n",
                                at(console.firstLine(), started),
                                at(console.first("Welcome to"), started),
                                at(console.first("Reached target .*network-online"), started),
                                at(console.first("VMA listening"), started),
                                ms / 1000.0);
                        return ms;
                    }
                } catch (java.io.IOException e) {
                    // not up yet
                }
                Thread.sleep(250);
            }
        } finally {
            console.close();
            qemu.destroy();
            qemu.waitFor();
            if (cgroup.isPresent()) {
                Files.deleteIfExists(cgroup.get());
            }
            Files.deleteIfExists(overlay);
        }
    }
}
