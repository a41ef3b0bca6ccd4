package org.qvd.guest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.qvd.launcher.DemoDesktop;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.RequiredResource;
import org.qvd.testsupport.SystemUnderTest;

/**
 * The system exactly as {@code ./qvd run} starts it on one machine, with the local HKD on {@code qemu:///system}
 * and the run command's demo desktop made as a VM whatever the machine offers (the newest image of {@code images/out}
 * imported, user {@code demo}, one VM): this tier tests VMs; where containers work the run command itself would make
 * a container, which {@link ContainerDesktop} adds for the container tests.
 * Skipped, with the reason printed, when there is no built image or no running libvirt daemon.
 */
public final class GuestSystem implements BeforeAllCallback, ParameterResolver {
    public static final int PORT_OFFSET = Integer.getInteger("qvd.guest.port.offset", 300);
    public static final String SUPERADMIN_PASSWORD = "Guest-Test-Superadmin-1";
    public static final String HOST = "guest-node";
    static final Path SOURCE_ROOT = Path.of(System.getProperty("qvd.source.root", ".."))
            .toAbsolutePath()
            .normalize();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GuestSystem.class);

    /** What a test gets: the running system, its demo login, and a REST client as superadmin. */
    public record Running(QvdSystem system, DemoDesktop.Login demo, Admin admin) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        RequiredResource.present(missingResource());
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    /** Why the guest tier cannot run here, or null. */
    static String missingResource() {
        if (!Files.exists(Path.of("/var/run/libvirt/libvirt-sock"))) {
            return "libvirtd is not running (no /var/run/libvirt/libvirt-sock; .ci/setup-machine starts it)";
        }
        if (newestImage().isEmpty()) {
            return "no built desktop image in " + SOURCE_ROOT.resolve("images/out")
                    + " (build it: sudo images/build.sh)";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64"))) {
            return "qemu-system-x86_64 is not installed";
        }
        return null;
    }

    /** The metadata JSON of the newest built image (the one the run command's demo imports). */
    public static Path newestImageMetadata() {
        return newestImage().orElseThrow();
    }

    /** The kernel command line the newest built image boots with (its metadata's {@code cmdline}). */
    public static String newestImageCmdline() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(newestImageMetadata().toFile())
                    .path("cmdline")
                    .asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Optional<Path> newestImage() {
        Path out = SOURCE_ROOT.resolve("images/out");
        if (!Files.isDirectory(out)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> Files.exists(Path.of(p.toString().replaceAll("\\.json$", ".qcow2"))))
                    .max(Comparator.comparing(Path::getFileName));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("running", k -> start(), Started.class)
                .running();
    }

    private static Started start() {
        Path home =
                Path.of(System.getProperty("qvd.guest.home", "target/qvd-home")).toAbsolutePath();
        SystemUnderTest.emptied(home);
        Libvirt.removeLeftoverDomains();
        Map<String, String> env = new SystemUnderTest(
                        SOURCE_ROOT, home, PORT_OFFSET, SUPERADMIN_PASSWORD, null, true, HOST)
                .environment(Map.of("QVD_HKD_LIBVIRT_URI", "qemu:///system"));
        QvdSystem system = QvdSystem.start(LauncherConfig.fromEnvironment(env));
        try {
            DemoDesktop.Login demo = DemoDesktop.ensure(system, SUPERADMIN_PASSWORD, DemoDesktop.Kind.VM)
                    .orElseThrow(() -> new IllegalStateException("the run command's demo found no image to import"));
            Admin admin = new Admin(new org.qvd.launcher.AdminApi(system, SUPERADMIN_PASSWORD));
            awaitHostRunning(admin);
            return new Started(new Running(system, demo, admin));
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * The system answers before its local host agent has registered: a VM started in that gap is refused ("no running,
     * unblocked host"), so the tier begins once the host runs, as an admin would wait for it in the WAT.
     */
    private static void awaitHostRunning(Admin admin) {
        await("the local host agent's host " + HOST + " running")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(admin.host(HOST).path("state").asText())
                        .as("the host's state")
                        .isEqualTo("running")); // before it registers, admin.host fails: not yet either
    }

    private record Started(Running running) implements AutoCloseable {
        @Override
        public void close() {
            running.system().close();
            // a test that failed half-way may leave a guest running: never leave qemu behind on the machine
            Libvirt.removeLeftoverDomains();
        }
    }
}
