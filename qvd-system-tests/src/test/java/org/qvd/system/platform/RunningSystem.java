package org.qvd.system.platform;

import java.nio.file.Path;
import java.util.Map;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.StartedOnce;
import org.qvd.testsupport.SystemUnderTest;

/**
 * Starts the system once per test run, exactly as {@code ./qvd run} does (embedded PostgreSQL, the
 * provisioned WildFly, qvd.ear), on shifted ports so it can run beside a developer's own system.
 * Test classes get the {@link QvdSystem} as a parameter.
 */
public final class RunningSystem extends StartedOnce<QvdSystem> {
    /** WildFly's port offset for the system under test; -Dqvd.system.port.offset runs a second one beside it. */
    public static final int PORT_OFFSET = Integer.getInteger("qvd.system.port.offset", 200);

    public static final String SUPERADMIN_PASSWORD = "System-Test-Superadmin-1";
    /** The image directories of the system under test (no guest boots here, so they live in the build tree). */
    public static final Path IMAGES_STAGING = Path.of(
                    System.getProperty("qvd.system.images", "target/qvd-images"), "staging")
            .toAbsolutePath();

    public static final Path IMAGES_DIR = IMAGES_STAGING.resolveSibling("storage");

    public RunningSystem() {
        super(QvdSystem.class, Per.RUN);
    }

    @Override
    protected QvdSystem start(Class<?> testClass) {
        Path home = Path.of(System.getProperty("qvd.system.home", "target/qvd-home"))
                .toAbsolutePath();
        return QvdSystem.start(config(SystemUnderTest.emptied(home)));
    }

    /**
     * Configuration for a system in {@code home}: ports shifted, a known superadmin password; tests start the host
     * agent themselves, against libvirt's test driver (no guests, no daemon).
     */
    public static LauncherConfig config(Path home) {
        return LauncherConfig.fromEnvironment(new SystemUnderTest(
                        Path.of(System.getProperty("qvd.source.root", ".")),
                        home,
                        PORT_OFFSET,
                        SUPERADMIN_PASSWORD,
                        IMAGES_STAGING.getParent(),
                        false,
                        "systest-node")
                .environment(Map.of()));
    }
}
