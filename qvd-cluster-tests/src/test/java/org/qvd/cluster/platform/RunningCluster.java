package org.qvd.cluster.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdCluster;
import org.qvd.testsupport.StartedOnce;
import org.qvd.testsupport.SystemUnderTest;

/**
 * Starts ONE cluster per test run, exactly as {@code ./qvd cluster} does (embedded PostgreSQL, two WildFly nodes on
 * standalone-full-ha.xml, Debian's HAProxy in front), shared by the tier's classes. Ports: the balancer at
 * {@code -Dqvd.cluster.port.offset} (default 600), the nodes 10 and 60 above it. The host agent is started by the
 * tests (libvirt's test driver: no guests, no daemon).
 */
public final class RunningCluster extends StartedOnce<QvdCluster> {
    public static final int PORT_OFFSET = Integer.getInteger("qvd.cluster.port.offset", 600);
    public static final String SUPERADMIN_PASSWORD = "Cluster-Test-Superadmin-1";
    public static final String HOST = "cluster-host";

    public RunningCluster() {
        super(QvdCluster.class, Per.RUN);
    }

    @Override
    protected void checkPresent() {
        String haproxy = System.getenv().getOrDefault("QVD_HAPROXY", "/usr/sbin/haproxy");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(Path.of(haproxy)),
                "the cluster tier needs Debian's HAProxy at " + haproxy + " (.ci/setup-machine installs it): skipped");
    }

    @Override
    protected QvdCluster start(Class<?> testClass) {
        Instant t0 = Instant.now();
        Path home = Path.of(System.getProperty("qvd.cluster.home", "target/qvd-homes"))
                .toAbsolutePath()
                .resolve("cluster");
        QvdCluster cluster = QvdCluster.start(config(SystemUnderTest.emptied(home)), 2);
        System.out.println("cluster of 2 nodes + HAProxy up in "
                + Duration.between(t0, Instant.now()).toSeconds() + " s");
        return cluster;
    }

    static LauncherConfig config(Path home) {
        Path images = Path.of(System.getProperty("qvd.cluster.images", "target/qvd-images"))
                .toAbsolutePath();
        return LauncherConfig.fromEnvironment(new SystemUnderTest(
                        Path.of(System.getProperty("qvd.source.root", ".")),
                        home,
                        PORT_OFFSET,
                        SUPERADMIN_PASSWORD,
                        images,
                        false,
                        HOST)
                .environment(Map.of()));
    }
}
