package org.qvd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.qvd.cluster.platform.Db;
import org.qvd.cluster.platform.RunningCluster;
import org.qvd.launcher.QvdCluster;

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
    /** The node that detected the first loss: killed later, so the next loss must be detected by the other one. */
    private static QvdCluster.Node detector;

    @Test
    @Order(1)
    void bothNodesFormOneClusterBehindTheBalancerWithOneTlsIdentity(QvdCluster cluster) {
        Db db = new Db(cluster);
        // JGroups' JDBC_PING: one row per member of the installation's cluster, found through PostgreSQL
        awaitTrue("two JGroups members in qvd_cluster.jgroups_ping", Duration.ofSeconds(60),
                () -> "2".equals(db.query("SELECT count(*) FROM qvd_cluster.jgroups_ping WHERE cluster_name = 'qvd'")));
        // every node and the balancer answer with a certificate of the installation CA (Admin trusts nothing else)
        for (QvdCluster.Node node : cluster.nodes()) {
            assertThat(new Admin(cluster.caCertificate(), node.httpsPort()).action("/vms/0/stop").statusCode())
                    .as("node %s over TLS", node).isIn(403, 404, 409);
        }
        assertThat(new Admin(cluster.caCertificate(), cluster.httpsPort()).action("/vms/0/stop").statusCode())
                .as("balancer").isIn(403, 404, 409);
        // the second node joined the first one's JGroups view, and the brokers bridged to each other
        assertThat(log(cluster.nodes().get(1).consoleLog())).containsPattern(
                "joined cluster 'qvd' with view: \\[node-a\\S*\\|\\d+\\] \\(2\\)");
        for (QvdCluster.Node node : cluster.nodes()) {
            assertThat(log(node.consoleLog())).as("%s bridged to the other broker", node).contains("AMQ221027: Bridge");
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
        long[] user = viaB.userWithOsf(Admin.unique("u"));
        long vm = viaB.vm(user[0], user[1]);
        // a VM the host runs (the test driver cannot boot one): what its heartbeat would report after a start
        assertThat(db.update("UPDATE vm_runtime SET state = 'running', state_ts = now(), host_id = "
                + "(SELECT id FROM host WHERE name = ?) WHERE vm_id = ?", HOST, vm)).isEqualTo(1);
        Instant asked = Instant.now();
        HttpResponse<String> stop = viaB.action("/vms/" + vm + "/stop");
        assertThat(stop.statusCode()).as(stop.body()).isIn(200, 202, 204);
        awaitTrue("VM " + vm + " stopped", Duration.ofSeconds(30), () -> "stopped".equals(viaB.vm(vm).get("state").asText()));
        System.out.println("stop through node b, agent on node a: stopped after "
                + Duration.between(asked, Instant.now()).toMillis() + " ms");
        // the agent itself carried it out: node b's command crossed to node a's broker
        assertThat(log(cluster.localHkdLog().orElseThrow())).contains("VM " + vm + " stopped");
    }

    @Test
    @Order(3)
    void hostLossIsDetectedExactlyOnceWhileBothNodesRun(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        long before = lostLines(cluster);
        assertThat(cluster.killLocalHkd()).isTrue();
        Instant killed = Instant.now();
        awaitTrue("host lost", Duration.ofSeconds(40), () -> "lost".equals(db.hostState(HOST)));
        System.out.println("host loss detected " + Duration.between(killed, Instant.now()).toMillis() + " ms after kill -9");
        Thread.sleep(7_000); // two more rounds on each node: none may report it again
        assertThat(lostLines(cluster) - before).as("loss reports in both nodes' logs").isEqualTo(1);
        detector = cluster.nodes().stream().filter(n -> count(n.consoleLog(), LOST_LINE) > 0).findFirst().orElseThrow();
        System.out.println("detected by " + detector);
    }

    @Test
    @Order(4)
    void agentMovesToTheOtherNodeWhenItsNodeIsKilledAndTheHostIsNeverLost(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        QvdCluster.Node doomed = detector != null ? detector : cluster.nodes().get(0);
        QvdCluster.Node survivor = cluster.nodes().stream().filter(n -> n != doomed).findFirst().orElseThrow();
        cluster.startLocalHkd(List.of(doomed, survivor));
        awaitTrue("host running", Duration.ofSeconds(90), () -> "running".equals(db.hostState(HOST)));
        assertThat(agentBroker(cluster)).isEqualTo(doomed.httpsPort());

        doomed.kill();
        Instant killed = Instant.now();
        awaitTrue("agent connected to " + survivor, Duration.ofSeconds(30),
                () -> agentBroker(cluster) == survivor.httpsPort());
        Duration moved = Duration.between(killed, Instant.now());
        System.out.println("agent moved from " + doomed + " to " + survivor + " " + moved.toMillis() + " ms after kill -9");
        assertThat(moved).isLessThan(Duration.ofSeconds(15));
        // three heartbeat timeouts' worth: the host must stay running all along
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            assertThat(db.hostState(HOST)).as("host state after its node died").isEqualTo("running");
            Thread.sleep(500);
        }
        // a command sent afterwards reaches the agent: a start (the test driver's host has no such image: it answers
        // with its reason, which only the agent can give)
        Admin viaSurvivor = new Admin(cluster.caCertificate(), survivor.httpsPort());
        long[] user = viaSurvivor.userWithOsf(Admin.unique("u"));
        long vm = viaSurvivor.vm(user[0], user[1]);
        HttpResponse<String> start = viaSurvivor.action("/vms/" + vm + "/start");
        assertThat(start.statusCode()).as(start.body()).isIn(200, 202, 204);
        awaitTrue("the host answered the start", Duration.ofSeconds(60), () -> {
            var state = viaSurvivor.vm(vm);
            return "stopped".equals(state.get("state").asText()) && state.path("lastFailure").asText("").contains(HOST);
        });
    }

    @Test
    @Order(5)
    void hostLossIsStillDetectedAfterTheDetectingNodeDied(QvdCluster cluster) throws Exception {
        Db db = new Db(cluster);
        assertThat(cluster.nodes().stream().filter(QvdCluster.Node::alive).count()).isEqualTo(1);
        assertThat(cluster.killLocalHkd()).isTrue();
        Instant killed = Instant.now();
        awaitTrue("host lost", Duration.ofSeconds(40), () -> "lost".equals(db.hostState(HOST)));
        System.out.println("host loss detected by the surviving node " + Duration.between(killed, Instant.now()).toMillis()
                + " ms after kill -9 (the first loss was detected by " + detector + ", now dead)");
    }

    @Test
    @Order(6)
    void theKilledNodeRejoins(QvdCluster cluster) {
        Db db = new Db(cluster);
        QvdCluster.Node dead = cluster.nodes().stream().filter(n -> !n.alive()).findFirst().orElseThrow();
        Instant t0 = Instant.now();
        cluster.restart(dead);
        System.out.println(dead + " restarted and deployed in " + Duration.between(t0, Instant.now()).toSeconds() + " s");
        awaitTrue("two JGroups members again", Duration.ofSeconds(60),
                () -> "2".equals(db.query("SELECT count(*) FROM qvd_cluster.jgroups_ping WHERE cluster_name = 'qvd'")));
        cluster.startLocalHkd();
        awaitTrue("host running", Duration.ofSeconds(90), () -> "running".equals(db.hostState(HOST)));
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
        return cluster.nodes().stream().mapToLong(n -> count(n.consoleLog(), LOST_LINE)).sum();
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
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Boolean ok;
            try {
                ok = condition.get();
            } catch (RuntimeException e) {
                ok = false; // a node going away mid-call
            }
            if (Boolean.TRUE.equals(ok)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
