package org.qvd.launcher;

/**
 * {@code ./qvd cluster [N]}: a cluster of N nodes (default 2) behind HAProxy on this machine (docs/cluster.md), until
 * Ctrl-C. The balancer takes the ports a single system would use; the nodes run on shifted ones.
 */
final class ClusterRun {

    private ClusterRun() {}

    static void run(LauncherConfig config, int nodes) {
        System.setProperty("java.io.tmpdir", config.home().resolve("tmp").toString());
        java.util.concurrent.atomic.AtomicReference<QvdCluster> running =
                new java.util.concurrent.atomic.AtomicReference<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            QvdCluster cluster = running.get();
                            if (cluster != null) {
                                System.out.println("qvd: stopping the local HKD, HAProxy, the nodes and PostgreSQL...");
                                cluster.close();
                            }
                        },
                        "qvd-cluster-shutdown"));
        System.out.println("qvd: starting PostgreSQL and " + nodes + " WildFly nodes one after the other (logs: "
                + config.home().resolve("nodes/<node>/log/console.log") + ")...");
        QvdCluster cluster = QvdCluster.start(config, nodes);
        running.set(cluster);
        System.out.println();
        System.out.println("QVD cluster is running (Ctrl-C stops it).");
        System.out.println("  Balancer (HAProxy) L7R https://localhost:" + cluster.l7rPort()
                + "/   WAT https://localhost:" + cluster.httpsPort() + "/wat/   config " + cluster.balancerConfig());
        for (QvdCluster.Node node : cluster.nodes()) {
            System.out.println("  Node " + node.id() + "   https " + node.httpsPort() + ", L7R " + node.l7rPort()
                    + " (PROXY protocol), health http://127.0.0.1:" + node.managementPort() + "/health/ready");
        }
        System.out.println("  Database          " + cluster.dbUrl());
        System.out.println("  Log in as         superadmin@*"
                + (cluster.superadminPasswordGenerated()
                        ? ", password " + cluster.superadminPassword().orElseThrow()
                                + "   <- generated now and shown only once"
                        : ""));
        System.out.println(
                "  TLS trust         " + cluster.caCertificate() + " (every node's certificate is issued by it)");
        System.out.println("  Local HKD         "
                + cluster.localHkdLog().map(Object::toString).orElse("not started"));
        System.out.println();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
