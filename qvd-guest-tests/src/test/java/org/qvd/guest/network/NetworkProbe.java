package org.qvd.guest.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * What a hostile guest tries on the VM network, as root in its own VM: a bash script that the probe VM runs at boot
 * ({@code systemd.run=} on its DI's kernel command line, so nothing in the image changes). It waits for its address,
 * tries the target VM's VMA (3030) and nxagent (4100) ports and the host, reports
 * {@code "<own IP> <3030> <4100> <host>"} (each 0 = connected, 113 = no route to host, i.e. nobody answered its ARP
 * request, 111 = refused, 124 = no answer at all within 5 s) to a listener of the test on the host; then poses as the target, first with the target's IP address
 * (own MAC), then with the target's MAC (own IP), and tries to reach the host each time (the listener must see
 * nothing); then reports {@code "done"}.
 */
public final class NetworkProbe {

    private NetworkProbe() {}

    /**
     * The kernel command line that runs the probe once at boot, as root, after {@code base}. systemd-run-generator
     * turns {@code systemd.run=} into {@code kernel-command-line.service} and makes its target the default one, but
     * the image's own default target ({@code /etc/systemd/system/default.target}, set by images/build.sh) wins over a
     * generator's: {@code systemd.wants=} (systemd-debug-generator, early, so it wins) adds the service to whatever
     * the default target is. Without it the probe never ran (the first runs of this test waited for it in vain).
     */
    public static String kernelCmdline(String base, String script) {
        return base + " systemd.run=\"/bin/sh -c 'echo "
                + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)) + " | base64 -d | bash'\""
                + " systemd.run_success_action=none systemd.run_failure_action=none"
                + " systemd.wants=kernel-command-line.service";
    }

    /** The probe script: the host's address on the VM network, the test's two listeners, the target VM. */
    public static String script(String host, int reportPort, int spoofPort, String targetIp, String targetMac) {
        return String.join(
                "\n",
                "D=$(ls /sys/class/net | grep -v '^lo$' | head -1)",
                "for i in $(seq 300); do ip -4 -o addr show dev $D | grep -q inet && break; sleep 1; done",
                "MY=$(ip -4 -o addr show dev $D | awk '{print $4}')",
                "MAC=$(cat /sys/class/net/$D/address)",
                // 0 connected, 113 no route to host (nobody answers ARP: unreachable), 111 refused (the packets
                // arrived and the other side said no), 124 no answer within 5 s (dropped), else the exit code
                "try() { timeout 5 bash -c \"echo > /dev/tcp/$1/$2\" 2>/tmp/probe.err; r=$?;"
                        + " grep -q 'No route' /tmp/probe.err && r=113; grep -q 'refused' /tmp/probe.err && r=111;"
                        + " echo $r; }",
                "for i in $(seq 60); do [ \"$(try " + host + " " + reportPort + ")\" = 0 ] && break; sleep 2; done",
                "R=\"${MY%/*} $(try " + targetIp + " 3030) $(try " + targetIp + " 4100) $(try " + host + " "
                        + reportPort + ")\"",
                "echo \"$R\" > /dev/tcp/" + host + "/" + reportPort,
                // the target's IP address with this VM's own MAC
                "ip addr flush dev $D",
                "ip addr add " + targetIp + "/${MY#*/} dev $D",
                "try " + host + " " + spoofPort,
                "ip addr flush dev $D",
                // the target's MAC with this VM's own IP address
                "ip link set dev $D down",
                "ip link set dev $D address " + targetMac,
                "ip link set dev $D up",
                "ip addr add $MY dev $D",
                "ip neigh flush dev $D",
                "try " + host + " " + spoofPort,
                // back to itself, then say that the spoofing attempts are over
                "ip link set dev $D down",
                "ip link set dev $D address $MAC",
                "ip link set dev $D up",
                "ip addr flush dev $D",
                "ip addr add $MY dev $D",
                "ip route add default via " + host + " 2>/dev/null",
                "for i in $(seq 30); do echo done > /dev/tcp/" + host + "/" + reportPort
                        + " 2>/dev/null && break; sleep 2;" + " done",
                "");
    }

    /** The next non-empty line a connection brings (the probe's own reachability checks send empty ones). */
    public static String line(ServerSocket server, Duration timeout) throws IOException {
        server.setSoTimeout((int) timeout.toMillis());
        while (true) {
            try (Socket s = server.accept();
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                s.setSoTimeout(10_000);
                String line = in.readLine();
                if (line != null && !line.isBlank()) {
                    return line.strip();
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no report from the probe VM within " + timeout, e);
            }
        }
    }

    /** Whether anybody connected to {@code server} (it is polled, not waited for). */
    public static boolean anyoneConnected(ServerSocket server) throws IOException {
        server.setSoTimeout(1);
        try (Socket s = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
