package org.qvd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.cluster.platform.Admin;
import org.qvd.cluster.platform.Db;
import org.qvd.cluster.platform.L7rClient;
import org.qvd.cluster.platform.RunningCluster;
import org.qvd.launcher.QvdCluster;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;
import org.qvd.testsupport.browser.DesktopPageClient;

/**
 * The browser desktop (docs/browser.md) in the cluster: the page's calls and its WebSocket go through the balancer
 * (source-address balancing keeps them on one node), the node relays the desktop's bytes to the VM's (stand-in)
 * desktop, and an NX client connecting to the OTHER node takes the session over: it gets the same session, and the
 * browser's relay is closed with the takeover code and says why. The VM's guest is a stand-in (named so: no guest in
 * this tier) whose {@code vnc_start} answers its one session's port.
 */
@ExtendWith(RunningCluster.class)
class BrowserDesktopClusterIT {
    @Test
    void theBrowserDesktopThroughTheBalancerIsTakenOverByAClientOfTheOtherNode(QvdCluster cluster) throws Exception {
        QvdCluster.Node a = cluster.nodes().get(0);
        Admin admin = new Admin(cluster.caCertificate(), a.httpsPort());
        Admin.User user = admin.user();
        long vm = admin.vm(user);
        Db db = new Db(cluster);
        try (StandInDesktop desktop = StandInDesktop.start(
                        StandInDesktop.Vma.PROVISION_THEN_RESUME, StandInDesktop.Nx.ONE_SESSION)
                .runningAs(db.row(vm))) {
            DesktopPageClient browser = new DesktopPageClient(
                            cluster.httpsPort(), Admin.trusting(cluster.caCertificate()))
                    .login(user.login(), Admin.USER_PASSWORD); // through the balancer
            DesktopPageClient.Ready ready = browser.connect(vm, "geometry=1024x768", Duration.ofSeconds(60));
            DesktopPageClient.Relay relay = browser.relay(ready);
            relay.awaitReceived("SESSION[]", Duration.ofSeconds(10));
            relay.send("typed-in-the-browser;");
            relay.awaitReceived("typed-in-the-browser;", Duration.ofSeconds(10));
            String relaying = db.query("SELECT last_connection_node FROM vm_runtime WHERE vm_id = ?", vm);
            QvdCluster.Node other = cluster.nodes().stream()
                    .filter(n -> !n.id().equals(relaying))
                    .findFirst()
                    .orElseThrow();
            System.out.println("browser desktop relayed by node " + relaying + "; an NX client on " + other.id());

            long asked = System.nanoTime();
            try (L7rWire nx = L7rClient.toNode(cluster.caCertificate(), other.l7rPort(), "127.0.0.31")) {
                nx.send(L7rWire.connectRequest(vm, user.login(), Admin.USER_PASSWORD));
                List<L7rWire.Response> answers = nx.readUntilFinal();
                assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
                assertThat(nx.readUntil("typed-in-the-browser;"))
                        .as("the NX client resumed the browser's session")
                        .contains("typed-in-the-browser;");
                assertThat(relay.closed.get(15, TimeUnit.SECONDS))
                        .as("the browser's relay on the other node was closed as taken over")
                        .startsWith("4001");
                System.out.println("NX client on node " + other.id() + " took the browser desktop over: relay closed "
                        + (System.nanoTime() - asked) / 1_000_000 + " ms after its request");
                assertThat(browser.get("api/connections/" + ready.id())
                                .path("reason")
                                .asText())
                        .as("what the page shows")
                        .contains("taken over");
            }
        }
    }
}
