package org.qvd.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.cluster.platform.Admin;
import org.qvd.cluster.platform.BridgePort;
import org.qvd.cluster.platform.Db;
import org.qvd.cluster.platform.L7rClient;
import org.qvd.cluster.platform.RunningCluster;
import org.qvd.cluster.platform.WatBrowser;
import org.qvd.launcher.QvdCluster;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;

/**
 * Issue 14's messaging and once-per-cluster tests on one started cluster (two nodes, HAProxy, the real host agent on
 * libvirt's test driver), in order, since each one leaves the cluster as the next one expects it:
 * commands cross nodes (2), host loss is detected exactly once (4), the agent survives the death of its node (3), and
 * host loss is still detected after the node that was detecting it died (4). The killed node is started again at the end.
 */
@ExtendWith(RunningCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {
    private static final String HOST = RunningCluster.HOST;
    private static final String LOST_LINE = "host " + HOST + " lost: no heartbeat";
    /** Artemis' cluster-bridge port before the node's port offset (QVD_CLUSTER_MESSAGING_PORT, docs/cluster.md). */
    private static final int MESSAGING_CLUSTER_PORT = 5445;
    /** The node that detected the first loss: killed later, so the next loss must be detected by the other one. */
    private static QvdCluster.Node detector;

    @Test
    @Order(1)
    void bothNodesFormOneClusterBehindTheBalancerWithOneTlsIdentity(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        // JGroups' JDBC_PING: one row per member of the installation's cluster, found through PostgreSQL
        awaitTrue(
                "two JGroups members in qvd_cluster.jgroups_ping",
                Duration.ofSeconds(60),
                () -> "2".equals(db.query("SELECT count(*) FROM qvd_cluster.jgroups_ping WHERE cluster_name = 'qvd'")));
        // every node and the balancer answer with a certificate of the installation CA (Admin trusts nothing else)
        for (QvdCluster.Node node : cluster.nodes()) {
            assertThat(new Admin(cluster.caCertificate(), node.httpsPort())
                            .action("/vms/0/stop")
                            .statusCode())
                    .as("node %s over TLS", node)
                    .isIn(403, 404, 409);
        }
        assertThat(new Admin(cluster.caCertificate(), cluster.httpsPort())
                        .action("/vms/0/stop")
                        .statusCode())
                .as("balancer")
                .isIn(403, 404, 409);
        // the admin port through the balancer: the audit shows the admin's own address, not the balancer's
        String tenant = Admin.unique("addr");
        String status = Admin.rawPost(
                cluster.caCertificate(),
                cluster.httpsPort(),
                "127.0.0.7",
                "/tenants",
                "{\"name\":\"" + tenant + "\",\"description\":\"address test\"}");
        assertThat(status).startsWith("HTTP/1.1 201");
        assertThat(db.query(
                        "SELECT source_address FROM audit_log WHERE action = 'tenant.create' AND arguments LIKE ? "
                                + "ORDER BY id DESC LIMIT 1",
                        "%" + tenant + "%"))
                .isEqualTo("127.0.0.7");
        // the second node joined the first one's JGroups view, and the brokers bridged to each other
        assertThat(log(cluster.nodes().get(1).consoleLog()))
                .containsPattern("joined cluster 'qvd' with view: \\[node-a\\S*\\|\\d+\\] \\(2\\)");
        for (QvdCluster.Node node : cluster.nodes()) {
            assertThat(log(node.consoleLog()))
                    .as("%s bridged to the other broker", node)
                    .contains("AMQ221027: Bridge");
            // ... over TLS: the bridge port presents a certificate of the installation CA and refuses a peer that has
            // none (only nodes, holding the CA's certificates, may bridge); commands (VMA keys) never cross in clear
            BridgePort.TlsAttempt stranger = BridgePort.tlsWithoutCertificate(
                    cluster.caCertificate(), MESSAGING_CLUSTER_PORT + node.portOffset());
            assertThat(stranger.serverIssuedByCa())
                    .as("%s's bridge port speaks TLS with the CA's certificate", node)
                    .isTrue();
            assertThat(stranger.refusal())
                    .as("%s's bridge port refuses a peer without a node certificate", node)
                    .isNotNull();
            System.out.println(node + " bridge port refused a peer without a certificate: " + stranger.refusal());
        }
    }

    @Test
    @Order(2)
    void adminStopsAVmThroughNodeBWhileTheAgentIsOnNodeA(QvdCluster cluster) throws Exception {
        QvdCluster.Node a = cluster.nodes().get(0);
        QvdCluster.Node b = cluster.nodes().get(1);
        cluster.startLocalHkd(List.of(a, b));
        Db db = new Db(cluster);
        awaitTrue("host " + HOST + " running", Duration.ofSeconds(90), () -> "running".equals(db.hostState(HOST)));
        assertThat(agentBroker(cluster)).as("the agent is on node a").isEqualTo(a.httpsPort());

        Admin viaB = new Admin(cluster.caCertificate(), b.httpsPort());
        long vm = viaB.vm(viaB.user());
        // a VM the host is starting (the test driver cannot boot one): the host's heartbeats leave a start in flight
        // alone for their grace (30 s), so no heartbeat settles it "stopped" before the admin's stop is asked
        assertThat(db.update(
                        "UPDATE vm_runtime SET state = 'starting', state_ts = now(), host_id = "
                                + "(SELECT id FROM host WHERE name = ?) WHERE vm_id = ?",
                        HOST,
                        vm))
                .isEqualTo(1);
        Instant asked = Instant.now();
        HttpResponse<String> stop = viaB.action("/vms/" + vm + "/stop");
        for (int retry = 0;
                stop.statusCode() == 409 && stop.body().contains("concurrent_update") && retry < 10;
                retry++) {
            Thread.sleep(500); // the host's heartbeat touched the VM at the same moment: retry, as the answer says
            stop = viaB.action("/vms/" + vm + "/stop");
        }
        assertThat(stop.statusCode()).as(stop.body()).isIn(200, 202, 204);
        awaitTrue(
                "VM " + vm + " stopped",
                Duration.ofSeconds(30),
                () -> "stopped".equals(viaB.vm(vm).get("state").asText()));
        System.out.println("stop through node b, agent on node a: stopped after "
                + Duration.between(asked, Instant.now()).toMillis() + " ms");
        // the agent itself carried it out: node b's command crossed to node a's broker
        assertThat(log(cluster.localHkdLog().orElseThrow())).contains("VM " + vm + " stopped");
    }

    @Test
    @Order(3)
    void secondClientOnNodeBEndsTheFirstClientsTunnelOnNodeA(QvdCluster cluster) throws Exception {
        QvdCluster.Node a = cluster.nodes().get(0);
        QvdCluster.Node b = cluster.nodes().get(1);
        Admin admin = new Admin(cluster.caCertificate(), a.httpsPort());
        Admin.User user = admin.user();
        long vm = admin.vm(user);
        Db db = new Db(cluster);
        try (StandInDesktop desktop = standIn(db, vm);
                L7rWire first = L7rClient.toNode(cluster.caCertificate(), a.l7rPort(), "127.0.0.21")) {
            first.send(L7rWire.connectRequest(vm, user.login(), Admin.USER_PASSWORD));
            assertThat(last(first.readUntilFinal()).status()).isEqualTo(101);
            first.readUntil("SESSION[]");
            first.write("typed-on-node-a;");
            assertThat(first.readUntil("typed-on-node-a;")).contains("typed-on-node-a;");
            assertThat(db.query("SELECT last_connection_node FROM vm_runtime WHERE vm_id = ?", vm))
                    .isEqualTo(a.id());

            Instant asked = Instant.now();
            try (L7rWire second = L7rClient.toNode(cluster.caCertificate(), b.l7rPort(), "127.0.0.22")) {
                second.send(L7rWire.connectRequest(vm, user.login(), Admin.USER_PASSWORD));
                List<L7rWire.Response> answers = second.readUntilFinal();
                assertThat(answers)
                        .extracting(r -> r.header("X-QVD-VM-Info"))
                        .contains("Taking over the session from another client");
                assertThat(last(answers).status()).as(last(answers).body()).isEqualTo(101);
                assertThat(second.readUntil("typed-on-node-a;"))
                        .as("the same session")
                        .contains("typed-on-node-a;");
                System.out.println("takeover across nodes: 101 on node b "
                        + Duration.between(asked, Instant.now()).toMillis() + " ms after the request");
                assertThat(first.endsWithin(10_000))
                        .as("node a ended the first client's tunnel")
                        .isTrue();
                assertThat(db.query("SELECT last_connection_node FROM vm_runtime WHERE vm_id = ?", vm))
                        .isEqualTo(b.id());
            }
        }
    }

    @Test
    @Order(4)
    void hostLossIsDetectedExactlyOnceWhileBothNodesRun(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        long before = lostLines(cluster);
        assertThat(cluster.killLocalHkd()).isTrue();
        Instant killed = Instant.now();
        awaitTrue("host lost", Duration.ofSeconds(40), () -> "lost".equals(db.hostState(HOST)));
        System.out.println(
                "host loss detected " + Duration.between(killed, Instant.now()).toMillis() + " ms after kill -9");
        // two more rounds on each node: none may report it again
        await("no second loss report")
                .during(Duration.ofSeconds(7))
                .atMost(Duration.ofSeconds(9))
                .until(() -> lostLines(cluster) - before <= 1);
        assertThat(lostLines(cluster) - before)
                .as("loss reports in both nodes' logs")
                .isEqualTo(1);
        detector = cluster.nodes().stream()
                .filter(n -> count(n.consoleLog(), LOST_LINE) > 0)
                .findFirst()
                .orElseThrow();
        System.out.println("detected by " + detector);
    }

    @Test
    @Order(5)
    void nodeKilledUnderAnAgentAClientAndAnAdmin(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        QvdCluster.Node doomed = detector != null ? detector : cluster.nodes().get(0);
        QvdCluster.Node survivor =
                cluster.nodes().stream().filter(n -> n != doomed).findFirst().orElseThrow();
        cluster.startLocalHkd(List.of(doomed, survivor));
        awaitTrue("host running", Duration.ofSeconds(90), () -> "running".equals(db.hostState(HOST)));
        assertThat(agentBroker(cluster)).isEqualTo(doomed.httpsPort());
        // an admin logged in to the WAT through the balancer, in a real browser, on the VM list
        WatBrowser wat = new WatBrowser(cluster.httpsPort());
        wat.logInAndOpenVms();
        // a client through the balancer, its tunnel on the doomed node (stand-in desktop, named so)
        Admin admin = new Admin(cluster.caCertificate(), survivor.httpsPort());
        Admin.User user = admin.user();
        long vm = admin.vm(user);
        long other = admin.vm(user);
        HttpResponse<String> start;
        try (wat;
                StandInDesktop desktop = standIn(db, vm)) {
            L7rWire client = connectOn(cluster, db, vm, user, doomed);
            client.write("before-the-kill;");
            client.readUntil("before-the-kill;");

            doomed.kill();
            Instant killed = Instant.now();
            // the client: its tunnel breaks; it reconnects through the balancer as qvd-client does, to the survivor
            assertThat(client.endsWithin(10_000))
                    .as("tunnel ended with its node")
                    .isTrue();
            client.close();
            String session = reconnect(cluster, vm, user, Duration.ofSeconds(30));
            Duration resumed = Duration.between(killed, Instant.now());
            System.out.println("client resumed the same (stand-in) session through the balancer " + resumed.toMillis()
                    + " ms after kill -9 of " + doomed);
            assertThat(session).as("the same session").contains("before-the-kill;");
            assertThat(db.query("SELECT last_connection_node FROM vm_runtime WHERE vm_id = ?", vm))
                    .isEqualTo(survivor.id());
            // the bound: 10 s from the kill. The survivor took the dead node's connection over as soon as its
            // JGroups view lost that node, without waiting for the stale-holder limit (10 s on its own)
            assertThat(log(survivor.consoleLog()))
                    .as("takeover from a node that left the cluster")
                    .contains("the node holding VM " + vm + "'s connection has left the cluster: taking it over");
            assertThat(resumed).isLessThan(Duration.ofSeconds(10));

            // a command for the host sent now, on the survivor, while the agent is (most often) still between nodes:
            // it waits there for the agent (docs/cluster.md "A host's pending commands when a node dies")
            boolean agentMoving = agentBroker(cluster) != survivor.httpsPort();
            start = admin.action("/vms/" + other + "/start");
            System.out.println(
                    "start sent " + Duration.between(killed, Instant.now()).toMillis() + " ms after the kill, "
                            + (agentMoving ? "while the agent was still moving" : "after the agent had moved"));

            // the agent moved to the survivor
            awaitTrue(
                    "agent connected to " + survivor,
                    Duration.ofSeconds(30),
                    () -> agentBroker(cluster) == survivor.httpsPort());
            System.out.println("agent on " + survivor + " (moved after the kill, logged at "
                    + Duration.between(killed, Instant.now()).toMillis() + " ms)");
            // the admin's next click works, or shows the login form if the session's node died: no error page, no dead
            // click
            watAfterFailover(wat);
            // three heartbeat timeouts' worth: the host must stay running all along
            await("host state stays running after its node died")
                    .during(Duration.ofSeconds(20))
                    .atMost(Duration.ofSeconds(23))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> db.hostState(HOST), "running"::equals);
        }
        // the start sent while the agent was moving reached it: the agent itself tried it (its own log; the test
        // driver's host has no such image) and the VMAS recorded the host's answer
        assertThat(start.statusCode()).as(start.body()).isIn(200, 202, 204);
        awaitTrue("the host answered the start", Duration.ofSeconds(60), () -> {
            var state = admin.vm(other);
            return "stopped".equals(state.get("state").asText())
                    && state.path("lastFailure").asText("").contains(HOST);
        });
        assertThat(log(cluster.localHkdLog().orElseThrow())).contains("for VM " + other + " failed");
    }

    private static int watLogins;

    /** The admin's next Ajax click: the session goes on, or the login form (then logging in again works); counts the latter. */
    private static void watAfterFailover(WatBrowser wat) {
        String seen = wat.clickAfterFailover(Duration.ofSeconds(60));
        System.out.println("WAT admin (browser) after the node change: " + seen);
        if (seen.equals("login")) {
            watLogins++;
        }
    }

    /** A client through the balancer whose tunnel is on {@code node}: a later connect takes the VM over if needed. */
    private static L7rWire connectOn(QvdCluster cluster, Db db, long vm, Admin.User user, QvdCluster.Node node)
            throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            L7rWire client = L7rClient.viaBalancer(cluster.caCertificate(), cluster.l7rPort());
            client.send(L7rWire.connectRequest(vm, user.login(), Admin.USER_PASSWORD));
            assertThat(last(client.readUntilFinal()).status()).isEqualTo(101);
            client.readUntil("]\n");
            if (node.id().equals(db.query("SELECT last_connection_node FROM vm_runtime WHERE vm_id = ?", vm))) {
                return client;
            }
            // leave this one open: the balancer (leastconn) sends the next connection to the other node
        }
        throw new AssertionError("the balancer never chose " + node);
    }

    /** Connects through the balancer until a {@code 101}, as qvd-client retries; returns the session's first line. */
    private static String reconnect(QvdCluster cluster, long vm, Admin.User user, Duration timeout) throws Exception {
        return await("a 101 through the balancer")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> {
                            try (L7rWire client = L7rClient.viaBalancer(cluster.caCertificate(), cluster.l7rPort())) {
                                client.send(L7rWire.connectRequest(vm, user.login(), Admin.USER_PASSWORD));
                                L7rWire.Response answer = last(client.readUntilFinal());
                                if (answer.status() != 101) {
                                    throw new IllegalStateException(answer.status() + " " + answer.body());
                                }
                                return client.readUntil("]\n");
                            }
                        },
                        session -> true);
    }

    @Test
    @Order(6)
    void hostLossIsStillDetectedAfterTheDetectingNodeDied(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        assertThat(cluster.nodes().stream().filter(QvdCluster.Node::alive).count())
                .isEqualTo(1);
        assertThat(cluster.killLocalHkd()).isTrue();
        Instant killed = Instant.now();
        awaitTrue("host lost", Duration.ofSeconds(40), () -> "lost".equals(db.hostState(HOST)));
        System.out.println("host loss detected by the surviving node "
                + Duration.between(killed, Instant.now()).toMillis()
                + " ms after kill -9 (the first loss was detected by " + detector + ", now dead)");
    }

    @Test
    @Order(7)
    void rollingRestartLosesNoDesktopAndNoAdmin(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        // the node killed above comes back first (a rolling restart's first half), then the other one is restarted
        QvdCluster.Node dead =
                cluster.nodes().stream().filter(n -> !n.alive()).findFirst().orElseThrow();
        QvdCluster.Node other =
                cluster.nodes().stream().filter(n -> n != dead).findFirst().orElseThrow();
        Instant t0 = Instant.now();
        cluster.restart(dead);
        System.out.println(dead + " restarted and deployed in "
                + Duration.between(t0, Instant.now()).toSeconds() + " s");
        awaitTrue(
                "two JGroups members again",
                Duration.ofSeconds(60),
                () -> "2".equals(db.query("SELECT count(*) FROM qvd_cluster.jgroups_ping WHERE cluster_name = 'qvd'")));
        cluster.startLocalHkd(List.of(other, dead));
        awaitTrue("host running", Duration.ofSeconds(90), () -> "running".equals(db.hostState(HOST)));

        WatBrowser wat = new WatBrowser(cluster.httpsPort());
        wat.logInAndOpenVms();
        Admin admin = new Admin(cluster.caCertificate(), cluster.httpsPort());
        Admin.User user = admin.user();
        long vm = admin.vm(user);
        try (wat;
                StandInDesktop desktop = standIn(db, vm)) {
            L7rWire client = connectOn(cluster, db, vm, user, other);
            client.write("before-the-restart;");
            client.readUntil("before-the-restart;");

            Instant stopAt = Instant.now();
            cluster.stop(other); // graceful, as an operator's rolling restart does
            System.out.println(other + " stopped gracefully in "
                    + Duration.between(stopAt, Instant.now()).toMillis() + " ms");
            assertThat(client.endsWithin(10_000))
                    .as("the tunnel on the stopped node ended")
                    .isTrue();
            client.close();
            String session = reconnect(cluster, vm, user, Duration.ofSeconds(30));
            assertThat(session)
                    .as("the same session after the restart of its node")
                    .contains("before-the-restart;");
            watAfterFailover(wat);
            awaitTrue("agent on " + dead, Duration.ofSeconds(30), () -> agentBroker(cluster) == dead.httpsPort());
            assertThat(db.hostState(HOST)).isEqualTo("running");

            Instant restartAt = Instant.now();
            cluster.restart(other);
            System.out.println(other + " back in "
                    + Duration.between(restartAt, Instant.now()).toSeconds() + " s");
            watAfterFailover(wat);
            assertThat(watLogins)
                    .as("the admin was asked to log in again after the node of the session went")
                    .isPositive();
            assertThat(db.hostState(HOST)).isEqualTo("running");
        }
    }

    /** The VM's guest stands in: provisions, then resumes ONE session that every later tunnel gets back. */
    private static StandInDesktop standIn(Db db, long vm) throws IOException {
        return StandInDesktop.start(StandInDesktop.Vma.PROVISION_THEN_RESUME, StandInDesktop.Nx.ONE_SESSION)
                .runningAs(db.row(vm));
    }

    static L7rWire.Response last(List<L7rWire.Response> answers) {
        return answers.get(answers.size() - 1);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The HTTPS port of the node the agent last connected to, from its log ("connected to broker tcp://…:PORT?…"). */
    static int agentBroker(QvdCluster cluster) {
        String text = log(cluster.localHkdLog().orElseThrow());
        int at = text.lastIndexOf("connected to broker tcp://127.0.0.1:");
        if (at < 0) {
            return -1;
        }
        String rest = text.substring(at + "connected to broker tcp://127.0.0.1:".length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('?')));
    }

    private static long lostLines(QvdCluster cluster) {
        return cluster.nodes().stream()
                .mapToLong(n -> count(n.consoleLog(), LOST_LINE))
                .sum();
    }

    static long count(Path log, String text) {
        String all = log(log);
        long n = 0;
        for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    static String log(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(String what, Duration timeout, Supplier<Boolean> condition) {
        // a node going away mid-call: ask again
        await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(condition::get);
    }
}
