package org.qvd.cluster.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdCluster;

/**
 * Starts ONE cluster per test run, exactly as {@code ./qvd cluster} does (embedded PostgreSQL, two WildFly nodes on
 * standalone-full-ha.xml, Debian's HAProxy in front), shared by the tier's classes. Ports: the balancer at
 * {@code -Dqvd.cluster.port.offset} (default 600), the nodes 10 and 60 above it. The host agent is started by the
 * tests (libvirt's test driver: no guests, no daemon).
 */
public final class RunningCluster implements BeforeAllCallback, ParameterResolver {
    public static final int PORT_OFFSET = Integer.getInteger("qvd.cluster.port.offset", 600);
    public static final String SUPERADMIN_PASSWORD = "Cluster-Test-Superadmin-1";
    public static final String HOST = "cluster-host";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningCluster.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String haproxy = System.getenv().getOrDefault("QVD_HAPROXY", "/usr/sbin/haproxy");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of(haproxy)),
                "the cluster tier needs Debian's HAProxy at " + haproxy + " (.ci/setup-machine installs it): skipped");
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == QvdCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static QvdCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("cluster", k -> {
            Instant t0 = Instant.now();
            QvdCluster cluster = QvdCluster.start(config(freshHome()), 2);
            System.out.println("cluster of 2 nodes + HAProxy up in " + Duration.between(t0, Instant.now()).toSeconds() + " s");
            return new Started(cluster);
        }, Started.class).cluster();
    }

    static LauncherConfig config(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("QVD_SOURCE_ROOT", System.getProperty("qvd.source.root", "."));
        env.put("QVD_HOME", home.toString());
        env.put("QVD_PG_PORT", Integer.toString(15432 + PORT_OFFSET));
        env.put("QVD_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        env.put("QVD_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD);
        env.put("QVD_START_TIMEOUT", "400");
        Path images = Path.of(System.getProperty("qvd.cluster.images", "target/qvd-images")).toAbsolutePath();
        env.put("QVD_IMAGES_STAGING", images.resolve("staging").toString());
        env.put("QVD_IMAGES_DIR", images.resolve("storage").toString());
        env.put("QVD_LOCAL_HKD", "off");
        env.put("QVD_HKD_HOST_NAME", HOST);
        env.put("QVD_HKD_LIBVIRT_URI", "test:///default");
        return LauncherConfig.fromEnvironment(env);
    }

    private static Path freshHome() {
        Path home = Path.of(System.getProperty("qvd.cluster.home", "target/qvd-homes")).toAbsolutePath().resolve("cluster");
        if (Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot clean " + home, e);
            }
        }
        return home;
    }

    private record Started(QvdCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
