package org.qvd.fault.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdSystem;

/**
 * One system per test class, started as {@code ./qvd run} starts it, with the local host agent (HKD) on libvirt's
 * test driver (no guest boots, no daemon needed). A fault breaks the system, so classes never share one: each gets
 * its own {@code QVD_HOME} ({@code target/qvd-homes/<class>}) and the system is stopped after the class. Ports are
 * shifted by {@code -Dqvd.fault.port.offset} (default 400) so a run goes beside a developer's own system.
 * Test methods and constructors get the {@link QvdSystem} as a parameter.
 */
public final class FaultSystem implements BeforeAllCallback, ParameterResolver {
    public static final int PORT_OFFSET = Integer.getInteger("qvd.fault.port.offset", 400);
    public static final String SUPERADMIN_PASSWORD = "Fault-Test-Superadmin-1";
    /** The local HKD's host name. */
    public static final String HOST = "fault-node";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultSystem.class);

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
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("system", k -> new Started(QvdSystem.start(config(testClass.getSimpleName(), Map.of()))),
                        Started.class)
                .system();
    }

    /** The configuration of a fresh system in {@code target/qvd-homes/<name>}; {@code extra} adds or overrides variables. */
    public static LauncherConfig config(String name, Map<String, String> extra) {
        Path home = home(name);
        deleteTree(home);
        return LauncherConfig.fromEnvironment(environment(home, extra));
    }

    /** The run command's environment variables for a system in {@code home} (also for a launcher started as a process). */
    public static Map<String, String> environment(Path home, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QVD_SOURCE_ROOT", sourceRoot().toString());
        env.put("QVD_HOME", home.toString());
        env.put("QVD_PG_PORT", Integer.toString(15432 + PORT_OFFSET));
        env.put("QVD_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        env.put("QVD_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD);
        env.put("QVD_START_TIMEOUT", "400");
        Path images = Path.of(System.getProperty("qvd.fault.images", "target/qvd-images")).toAbsolutePath();
        env.put("QVD_IMAGES_STAGING", images.resolve("staging").toString());
        env.put("QVD_IMAGES_DIR", images.resolve("storage").toString());
        env.put("QVD_LOCAL_HKD", "on");
        env.put("QVD_HKD_HOST_NAME", HOST);
        env.put("QVD_HKD_LIBVIRT_URI", "test:///default");
        env.put("QVD_DEMO", "off");
        env.putAll(extra);
        return env;
    }

    public static Path home(String name) {
        return Path.of(System.getProperty("qvd.fault.home", "target/qvd-homes")).toAbsolutePath().resolve(name);
    }

    public static Path sourceRoot() {
        return Path.of(System.getProperty("qvd.source.root", "..")).toAbsolutePath().normalize();
    }

    static void deleteTree(Path dir) {
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
