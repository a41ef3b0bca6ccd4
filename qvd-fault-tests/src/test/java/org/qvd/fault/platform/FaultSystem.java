package org.qvd.fault.platform;

import java.nio.file.Path;
import java.util.Map;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.StartedOnce;
import org.qvd.testsupport.SystemUnderTest;

/**
 * One system per test class, started as {@code ./qvd run} starts it, with the local host agent (HKD) on libvirt's
 * test driver (no guest boots, no daemon needed). A fault breaks the system, so classes never share one: each gets
 * its own {@code QVD_HOME} ({@code target/qvd-homes/<class>}) and the system is stopped after the class. Ports are
 * shifted by {@code -Dqvd.fault.port.offset} (default 400) so a run goes beside a developer's own system.
 * Test methods and constructors get the {@link QvdSystem} as a parameter.
 */
public final class FaultSystem extends StartedOnce<QvdSystem> {
    public static final int PORT_OFFSET = Integer.getInteger("qvd.fault.port.offset", 400);
    public static final String SUPERADMIN_PASSWORD = "Fault-Test-Superadmin-1";
    /** The local HKD's host name. */
    public static final String HOST = "fault-node";

    public FaultSystem() {
        super(QvdSystem.class, Per.CLASS);
    }

    @Override
    protected QvdSystem start(Class<?> testClass) {
        return QvdSystem.start(config(testClass.getSimpleName(), Map.of()));
    }

    /** The configuration of a fresh system in {@code target/qvd-homes/<name>}; {@code extra} adds or overrides variables. */
    public static LauncherConfig config(String name, Map<String, String> extra) {
        return LauncherConfig.fromEnvironment(environment(SystemUnderTest.emptied(home(name)), extra));
    }

    /** The run command's environment variables for a system in {@code home} (also for a launcher started as a process). */
    public static Map<String, String> environment(Path home, Map<String, String> extra) {
        Path images = Path.of(System.getProperty("qvd.fault.images", "target/qvd-images"))
                .toAbsolutePath();
        Map<String, String> demoOff = new java.util.HashMap<>(Map.of("QVD_DEMO", "off"));
        demoOff.putAll(extra);
        return new SystemUnderTest(sourceRoot(), home, PORT_OFFSET, SUPERADMIN_PASSWORD, images, true, HOST)
                .environment(demoOff);
    }

    public static Path home(String name) {
        return Path.of(System.getProperty("qvd.fault.home", "target/qvd-homes"))
                .toAbsolutePath()
                .resolve(name);
    }

    public static Path sourceRoot() {
        return Path.of(System.getProperty("qvd.source.root", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
