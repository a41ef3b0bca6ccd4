package org.qvd.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * The one place where a test meets a tool, daemon or image that may be absent (nxagent, nxproxy, Xvfb, HAProxy,
 * libvirtd, the desktop image…). On a developer's machine the test is skipped and prints why. Where the run
 * requires them — {@code ./qvd test} and CI set {@code QVD_REQUIRE_GUEST_TOOLS=true}, or
 * {@code -Dqvd.require.guest=true} — the same absence fails the test with the same message, so CI cannot go
 * green without having run the real nxagent/nxproxy/guest tests.
 *
 * <p>Only what {@code .ci/setup-machine} and {@code ./qvd test} provide belongs here; what CI cannot have
 * (e.g. {@code /dev/kvm}, a Docker daemon) and opt-in benchmarks stay plain assumptions.
 */
public final class RequiredResource {

    /** The system property that turns a missing resource into a failure. */
    public static final String PROPERTY = "qvd.require.guest";
    /** The environment variable ({@code ./qvd test} sets it) that does the same. */
    public static final String ENVIRONMENT = "QVD_REQUIRE_GUEST_TOOLS";

    private RequiredResource() {}

    /** True where absent resources fail tests instead of skipping them. */
    public static boolean enforced() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Boolean.parseBoolean(property.trim());
        }
        return Boolean.parseBoolean(String.valueOf(System.getenv(ENVIRONMENT)).trim());
    }

    /**
     * Continues when {@code missing} is null; otherwise skips (printing the reason) or, where required, fails.
     *
     * @param missing why the test cannot run here (e.g. "nxagent is not installed"), or null when nothing is missing
     */
    public static void present(String missing) {
        if (missing == null) {
            return;
        }
        failIfRequired(missing);
        System.out.println("SKIPPED: " + missing);
        Assumptions.abort(missing);
    }

    /**
     * For a test that runs one of its parts only where that part's resource is present (the rest always runs):
     * true when present; false, printing that the part is skipped, on a developer's machine; fails where required.
     */
    public static boolean partPresent(String part, String missing) {
        if (missing == null) {
            return true;
        }
        failIfRequired(part + ": " + missing);
        System.out.println("SKIPPED " + part + ": " + missing);
        return false;
    }

    private static void failIfRequired(String missing) {
        if (enforced()) {
            throw new AssertionFailedError(missing + " (required: " + ENVIRONMENT + "=true / -D" + PROPERTY
                    + "=true; .ci/setup-machine and images/build.sh provide it)");
        }
    }

    /** {@link #present(String)} for a condition: {@code whyNot} names what is missing when it is false. */
    public static void present(boolean available, String whyNot) {
        present(available ? null : whyNot);
    }

    /** {@link #present(boolean, String)} with the reason built only when needed. */
    public static void present(boolean available, Supplier<String> whyNot) {
        present(available ? null : whyNot.get());
    }

    /** An executable file, e.g. {@code /usr/bin/nxagent}; {@code packageName} is the Debian package that brings it. */
    public static void executable(Path program, String packageName) {
        present(Files.isExecutable(program), () -> program + " is not installed (apt: " + packageName + ")");
    }

    /** The process runs as root (mounts, LXC, network namespaces); CI runs {@code ./qvd test} as root. */
    public static void root(String why) {
        present("root".equals(System.getProperty("user.name")), () -> "needs root: " + why);
    }
}
