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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.Libvirt;
import org.qvd.launcher.AdminApi;

/**
 * Issue 12, the VM network, with two real guests on the host agent's network: the demo VM and a second VM of the
 * demo user, both booting the demo image with a probe run at boot ({@code systemd.run=} added to the DI's kernel
 * command line for this test, so nothing in the image changes; restored afterwards). In each guest the probe tries
 * the other VM's VMA (3030) and nxagent (4100) ports, then takes the other VM's IP address for itself and tries to
 * reach the host with it, and reports to a listener of this test on the host. Isolated bridge ports make the other
 * VM unreachable (not even refused: the packets are dropped); libvirt's clean-traffic filter drops what a guest
 * sends with another VM's address. Both VMs boot at once under TCG (minutes).
 */
@ExtendWith(GuestSystem.class)
class VmNetworkIsolationIT {

    private static final Duration BOOT = Duration.ofMinutes(10);
    private static final String DEFAULT_CMDLINE =
            "root=/dev/vda rw rootfstype=ext4 console=tty0 console=ttyS0,115200 net.ifnames=0";

    @Test
    void aVmCannotReachAnotherVmsPortsNorSpeakWithItsAddress(GuestSystem.Running r) throws Exception {
        // not yet seen passing: its only run so far met a libvirt so loaded (110 s per domain creation) that the
        // host was declared lost before the guests booted. Opt in until it has passed once in CI.
        String optIn = "VmNetworkIsolationIT runs with -Dqvd.guest.network=true (not yet seen passing)";
        if (!Boolean.getBoolean("qvd.guest.network")) {
            System.out.println("SKIPPED " + optIn);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("qvd.guest.network"), optIn);
        AdminApi api = new AdminApi(r.system(), GuestSystem.SUPERADMIN_PASSWORD);
        JsonNode b = api.get("/vms/" + r.demo().vmId());
        long vmA = api.post("/vms", Map.of("userId", b.path("userId").asLong(), "osfId", b.path("osfId").asLong(),
                "name", "net-probe-" + System.nanoTime())).path("id").asLong();
        String ipA = api.get("/vms/" + vmA).path("ip").asText();
        String ipB = b.path("ip").asText();
        String host = Libvirt.hostAddressOnVmNetwork();
        long di = api.get("/dis?osfId=" + b.path("osfId").asLong() + "&size=1").path("items").get(0).path("id").asLong();
        String cmdline = DEFAULT_CMDLINE;
        for (JsonNode p : api.get("/properties/di/" + di)) {
            if ("boot.cmdline".equals(p.path("key").asText())) {
                cmdline = p.path("value").asText();
            }
        }
        List<Long> vms = List.of(vmA, r.demo().vmId());
        try (ServerSocket reports = new ServerSocket(0, 10, InetAddress.getByName(host));
             ServerSocket spoofTarget = new ServerSocket(0, 5, InetAddress.getByName(host))) {
            String probe = probe(host, reports.getLocalPort(), spoofTarget.getLocalPort(), ipA, ipB);
            api.put("/properties/di/" + di + "/boot.cmdline", Map.of("value", cmdline + " systemd.run=\"/bin/sh -c 'echo "
                    + Base64.getEncoder().encodeToString(probe.getBytes(StandardCharsets.UTF_8))
                    + " | base64 -d | bash'\" systemd.run_success_action=none systemd.run_failure_action=none"));
            try {
                for (long vm : vms) {
                    api.post("/vms/" + vm + "/start", Map.of());
                }
                reports.setSoTimeout((int) BOOT.toMillis());
                List<String> probed = new ArrayList<>(List.of(line(reports, "probe"), line(reports, "probe")));
                probed.forEach(p -> System.out.println("GUEST network probe: " + p));
                spoofTarget.setSoTimeout(1);

                // "<own IP> <other:3030> <other:4100> <host>": 0 connected, 124 no answer at all (dropped)
                assertThat(probed).containsExactlyInAnyOrder(ipA + " 124 124 0", ipB + " 124 124 0");
                assertThat(accepted(spoofTarget)).as("a guest reached the host using the other VM's address").isFalse();
                assertThat(domainXml(vmA)).contains("<port isolated='yes'/>", "filter='clean-traffic'");
            } finally {
                api.put("/properties/di/" + di + "/boot.cmdline", Map.of("value", cmdline));
                for (long vm : vms) {
                    stopQuietly(api, vm);
                }
                for (long vm : vms) {
                    awaitState(api, vm, "stopped", Duration.ofMinutes(3));
                }
            }
        }
    }

    /** The probe, in bash: waits for its address, tries the other VM's ports and the host, reports; then poses as it. */
    static String probe(String host, int reportPort, int spoofPort, String ipA, String ipB) {
        return String.join("\n",
                "D=$(ls /sys/class/net | grep -v '^lo$' | head -1)",
                "for i in $(seq 300); do ip -4 -o addr show dev $D | grep -q inet && break; sleep 1; done",
                "MY=$(ip -4 -o addr show dev $D | awk '{print $4}')",
                "if [ \"${MY%/*}\" = " + ipA + " ]; then O=" + ipB + "; else O=" + ipA + "; fi",
                "try() { timeout 5 bash -c \"echo > /dev/tcp/$1/$2\" 2>/dev/null; echo $?; }",
                "for i in $(seq 60); do [ \"$(try " + host + " " + reportPort + ")\" = 0 ] && break; sleep 2; done",
                "R=\"${MY%/*} $(try $O 3030) $(try $O 4100) $(try " + host + " " + reportPort + ")\"",
                "echo \"$R\" > /dev/tcp/" + host + "/" + reportPort,
                "ip addr flush dev $D",
                "ip addr add $O/${MY#*/} dev $D",
                "try " + host + " " + spoofPort,
                "ip addr flush dev $D",
                "ip addr add $MY dev $D",
                "ip route add default via " + host + " 2>/dev/null",
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
                throw new AssertionError("no " + what + " report from a guest within " + BOOT.toMinutes() + " min", e);
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

    private static void stopQuietly(AdminApi api, long vm) {
        String state = api.get("/vms/" + vm).path("state").asText();
        if (state.equals("starting") || state.equals("running")) {
            api.post("/vms/" + vm + "/stop", Map.of());
        }
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
