package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.StandInDesktop;
import org.qvd.testsupport.browser.DesktopPageClient;
import org.qvd.testsupport.net.TestNetworkLink;

/**
 * The browser desktop's relay keeps watch on its browser: a browser that is idle but there stays connected (it
 * answers the relay's pings), one whose network silently dies (no FIN, no reset: a {@link TestNetworkLink} the test
 * freezes) is noticed within the keep-alive's bound (pings every 5 s, dead after 20 s of silence) and its session is
 * freed: the VM's user state goes to {@code disconnected} and another client connects.
 * The VM is a {@link StandInDesktop} (stand-in VMA and agent, echoing the relayed bytes: no hypervisor here).
 */
@ExtendWith(RunningSystem.class)
class BrowserRelayKeepAliveIT {
    /** The page's connect parameters. */
    private static final String CONNECT = "geometry=1024x768&keyboard=us";

    @Test
    void aBrowserGoneWithoutAWordIsDroppedAndItsSessionFreed(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        try (StandInDesktop desktop = data.standIn(system, vm);
                TestNetworkLink link = new TestNetworkLink(0, system.httpsPort())) {
            DesktopPageClient browser = new DesktopPageClient(link.port()).login(user.login(), VmasData.USER_PASSWORD);
            DesktopPageClient.Ready ready = browser.connect(vm, CONNECT, Duration.ofSeconds(60));
            DesktopPageClient.Relay relay = browser.relay(ready);
            data.awaitUserState(vm, "connected"); // the relay reached the desktop (a VNC server speaks first)
            relay.send("hello");
            await("the desktop's echo")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> relay.received.indexOf("hello") >= 0);

            Thread.sleep(25_000); // longer than the keep-alive's 20 s: an idle browser that answers pings stays
            assertThat(relay.closed).as("an idle, living browser's relay").isNotDone();
            assertThat(data.vmState(vm).get("userState").asText()).isEqualTo("connected");

            link.freeze();
            long frozenAt = System.nanoTime();
            data.awaitUserState(vm, "disconnected");
            long seconds = Duration.ofNanos(System.nanoTime() - frozenAt).toSeconds();
            System.out.printf(
                    "FIGURE browser relay keep-alive: a silently dead browser freed its session after %d s%n", seconds);
            assertThat(seconds).as("seconds until the session was freed").isLessThanOrEqualTo(35);
            assertThat(new DesktopPageClient(system.httpsPort())
                            .login(user.login(), VmasData.USER_PASSWORD)
                            .get("api/connections/" + ready.id())
                            .path("reason")
                            .asText())
                    .as("why the frozen browser's connection ended (the page would show it)")
                    .contains("stopped answering");

            DesktopPageClient other =
                    new DesktopPageClient(system.httpsPort()).login(user.login(), VmasData.USER_PASSWORD);
            DesktopPageClient.Relay second = other.relay(other.connect(vm, CONNECT, Duration.ofSeconds(60)));
            data.awaitUserState(vm, "connected");
            second.send("again");
            await("the second client's echo")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> second.received.indexOf("again") >= 0);
            second.close();
        }
    }
}
