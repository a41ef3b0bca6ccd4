package org.qvd.system.platform;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the system once per test run, exactly as {@code ./qvd run} does (embedded PostgreSQL, the
 * provisioned WildFly, qvd.ear), on shifted ports so it can run beside a developer's own system.
 * Test classes get the {@link QvdSystem} as a parameter.
 */
public final class RunningSystem implements BeforeAllCallback, ParameterResolver {
    /** WildFly's port offset for the system under test; -Dqvd.system.port.offset runs a second one beside it. */
    public static final int PORT_OFFSET = Integer.getInteger("qvd.system.port.offset", 200);
    public static final String SUPERADMIN_PASSWORD = "System-Test-Superadmin-1";
    /** The image directories of the system under test (no guest boots here, so they live in the build tree). */
    public static final Path IMAGES_STAGING = Path.of(System.getProperty("qvd.system.images", "target/qvd-images"),
            "staging").toAbsolutePath();
    public static final Path IMAGES_DIR = IMAGES_STAGING.resolveSibling("storage");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == QvdSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    private static QvdSystem system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("system", k -> new Started(QvdSystem.start(config(freshHome()))), Started.class)
                .system();
    }

    /** Configuration for a system in {@code home}: ports shifted, a known superadmin password. */
    public static LauncherConfig config(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("QVD_SOURCE_ROOT", System.getProperty("qvd.source.root", "."));
        env.put("QVD_HOME", home.toString());
        env.put("QVD_PG_PORT", Integer.toString(15432 + PORT_OFFSET));
        env.put("QVD_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        env.put("QVD_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD);
        env.put("QVD_START_TIMEOUT", "400");
        env.put("QVD_IMAGES_STAGING", IMAGES_STAGING.toString());
        env.put("QVD_IMAGES_DIR", IMAGES_DIR.toString());
        // tests start the host agent themselves, against libvirt's test driver (no guests, no daemon)
        env.put("QVD_LOCAL_HKD", "off");
        env.put("QVD_HKD_HOST_NAME", "systest-node");
        env.put("QVD_HKD_LIBVIRT_URI", "test:///default");
        return LauncherConfig.fromEnvironment(env);
    }

    private static Path freshHome() {
        Path home = Path.of(System.getProperty("qvd.system.home", "target/qvd-home")).toAbsolutePath();
        deleteTree(home);
        return home;
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + dir, e);
        }
    }

    private record Started(QvdSystem system) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            system.close();
        }
    }
}
