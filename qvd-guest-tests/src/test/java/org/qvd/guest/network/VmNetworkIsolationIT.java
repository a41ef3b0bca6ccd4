package org.qvd.guest.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.Libvirt;
import org.qvd.launcher.AdminApi;

/**
 * Issue 12, the VM network, with two real guests on the host agent's network: the demo VM (B) and a second VM (A)
 * of the same user whose DI boots the same image with a probe run at boot ({@code systemd.run=} on its kernel command
 * line, so nothing in the image changes). From inside A the probe tries B's VMA (3030) and nxagent (4100) ports, then
 * takes B's IP address for itself and tries to reach the host with it, then reports to a listener of this test on
 * the host. Isolated bridge ports make B unreachable from A (not even a refusal: the packets are dropped); libvirt's
 * clean-traffic filter drops A's packets sent with B's address. Both VMs boot at once under TCG (minutes).
 */
@ExtendWith(GuestSystem.class)
class VmNetworkIsolationIT {

    private static final Duration BOOT = Duration.ofMinutes(8);

    @Test
    void aVmCannotReachAnotherVmsPortsNorSpeakWithItsAddress(GuestSystem.Running r) throws Exception {
        AdminApi api = new AdminApi(r.system(), GuestSystem.SUPERADMIN_PASSWORD);
        long vmB = r.demo().vmId();
        JsonNode b = api.get("/vms/" + vmB);
        String ipB = b.path("ip").asText();
        String host = Libvirt.hostAddressOnVmNetwork();
        try (ServerSocket reports = new ServerSocket(0, 5, InetAddress.getByName(host));
             ServerSocket spoofTarget = new ServerSocket(0, 5, InetAddress.getByName(host))) {
            long vmA = probeVm(api, b, probe(host, reports.getLocalPort(), spoofTarget.getLocalPort(), ipB));
            api.post("/vms/" + vmB + "/start", Map.of());
            api.post("/vms/" + vmA + "/start", Map.of());
            try {
                awaitRunning(api, vmB);

                reports.setSoTimeout((int) BOOT.toMillis());
                String probed = line(reports, "probe"); // "<rc 3030> <rc 4100> <rc host>": 0 open, 124 no answer
                System.out.println("GUEST network probe from VM A: " + probed);
                spoofTarget.setSoTimeout(1);
                String finished = line(reports, "done");

                assertThat(probed.split(" ")).as("from VM A: B:3030, B:4100, host (%s)", probed)
                        .containsExactly("124", "124", "0");
                assertThat(finished).isEqualTo("done");
                assertThat(accepted(spoofTarget)).as("a connection from VM A using VM B's address reached the host")
                        .isFalse();
                assertThat(domainXml(vmA)).contains("<port isolated='yes'/>", "filter='clean-traffic'");
            } finally {
                api.post("/vms/" + vmA + "/stop", Map.of());
                api.post("/vms/" + vmB + "/stop", Map.of());
                awaitState(api, vmA, "stopped", Duration.ofMinutes(3));
                awaitState(api, vmB, "stopped", Duration.ofMinutes(3));
            }
        }
    }

    /**
     * The probe VM: same user, a new OSF of the same tenant with a DI imported (as superadmin) from the same staged
     * image (a DI only names files placed for its own OSF), whose kernel command line also runs the probe.
     */
    private static long probeVm(AdminApi api, JsonNode b, String probe) {
        JsonNode osfB = api.get("/osfs/" + b.path("osfId").asLong());
        JsonNode diB = api.get("/dis?osfId=" + osfB.path("id").asLong() + "&size=1").path("items").get(0);
        long osfA = api.post("/osfs", Map.of("tenantId", osfB.path("tenantId").asLong(),
                "name", "net-probe-" + System.nanoTime(), "memoryMb", osfB.path("memoryMb").asInt())).path("id").asLong();
        String staged = java.nio.file.Path.of(diB.path("path").asText()).getFileName().toString()
                .replaceFirst("^osf-" + osfB.path("id").asLong() + "-", "");
        long diA = api.post("/dis/import", Map.of("osfId", osfA, "file", staged, "version", "probe-" + System.nanoTime(),
                "makeDefault", true)).path("id").asLong();
        String cmdline = null;
        for (JsonNode p : api.get("/properties/di/" + diB.path("id").asLong())) {
            if (p.path("key").asText().equals("boot.cmdline")) {
                cmdline = p.path("value").asText();
            }
        }
        String base = cmdline != null ? cmdline
                : "root=/dev/vda rw rootfstype=ext4 console=tty0 console=ttyS0,115200 net.ifnames=0";
        api.put("/properties/di/" + diA + "/boot.cmdline", Map.of("value", base + " systemd.run=\"/bin/sh -c 'echo "
                + Base64.getEncoder().encodeToString(probe.getBytes(StandardCharsets.UTF_8))
                + " | base64 -d | bash'\" systemd.run_success_action=none systemd.run_failure_action=none"));
        return api.post("/vms", Map.of("userId", b.path("userId").asLong(), "osfId", osfA, "name",
                "net-probe-" + System.nanoTime())).path("id").asLong();
    }

    /** The probe, in bash: waits for its address, tries B's ports and the host, reports; then poses as B. */
    static String probe(String host, int reportPort, int spoofPort, String ipB) {
        return String.join("\n",
                "D=$(ls /sys/class/net | grep -v '^lo$' | head -1)",
                "for i in $(seq 240); do ip -4 -o addr show dev $D | grep -q inet && break; sleep 1; done",
                "MY=$(ip -4 -o addr show dev $D | awk '{print $4}')",
                "try() { timeout 5 bash -c \"echo > /dev/tcp/$1/$2\" 2>/dev/null; echo $?; }",
                "for i in $(seq 60); do [ \"$(try " + host + " " + reportPort + ")\" = 0 ] && break; sleep 2; done",
                "R=\"$(try " + ipB + " 3030) $(try " + ipB + " 4100) $(try " + host + " " + reportPort + ")\"",
                "echo \"$R\" > /dev/tcp/" + host + "/" + reportPort,
                "ip addr flush dev $D",
                "ip addr add " + ipB + "/${MY#*/} dev $D",
                "try " + host + " " + spoofPort,
                "ip addr flush dev $D",
                "ip addr add $MY dev $D",
                "for i in $(seq 10); do echo done > /dev/tcp/" + host + "/" + reportPort + " && break; sleep 1; done",
                "");
    }

    /** The next non-empty line a connection brings (the probe's own reachability checks send empty ones). */
    private static String line(ServerSocket server, String what) throws IOException {
        while (true) {
            try (Socket s = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                s.setSoTimeout(10_000);
                String line = in.readLine();
                if (line != null && !line.isBlank()) {
                    return line.strip();
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + what + " report from the probe VM", e);
            }
        }
    }

    private static boolean accepted(ServerSocket server) throws IOException {
        try (Socket s = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static String domainXml(long vm) throws IOException, InterruptedException {
        Process virsh = new ProcessBuilder("virsh", "-c", "qemu:///system", "dumpxml", "qvd-vm-" + vm)
                .redirectErrorStream(true).start();
        String xml = new String(virsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        virsh.waitFor();
        return xml;
    }

    private static void awaitRunning(AdminApi api, long vm) throws InterruptedException {
        awaitState(api, vm, "running", BOOT);
    }

    private static void awaitState(AdminApi api, long vm, String state, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String now = api.get("/vms/" + vm).path("state").asText();
        while (!state.equals(now)) {
            assertThat(Instant.now()).as("VM %d is %s, not %s", vm, now, state).isBefore(deadline);
            Thread.sleep(1_000);
            now = api.get("/vms/" + vm).path("state").asText();
        }
    }
}
