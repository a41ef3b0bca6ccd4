package org.qvd.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the system, cluster and fault tiers give {@code ./qvd run} / {@code ./qvd cluster} (the launcher's
 * environment variables, docs/configuration.md): their own home, ports shifted by the tier's offset (HELPERS.md: one
 * block per engineer), a known superadmin password, image directories in the build tree, and the host agent on
 * libvirt's test driver (no guest boots, no daemon).
 *
 * @param sourceRoot the repository (QVD_SOURCE_ROOT)
 * @param home the system's fresh home (QVD_HOME)
 * @param portOffset WildFly's port offset; PostgreSQL listens at 15432 plus it
 * @param images the directory holding {@code staging/} and {@code storage/}; null: the launcher's own (the guest
 *     tier boots real images from them)
 * @param hkdHostName the local host agent's name, started by the launcher only when {@code localHkd}
 */
public record SystemUnderTest(
        Path sourceRoot,
        Path home,
        int portOffset,
        String superadminPassword,
        Path images,
        boolean localHkd,
        String hkdHostName) {

    /** The launcher's environment for this system; {@code extra} adds or overrides variables. */
    public Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QVD_SOURCE_ROOT", sourceRoot.toString());
        env.put("QVD_HOME", home.toString());
        env.put("QVD_PG_PORT", Integer.toString(15432 + portOffset));
        env.put("QVD_PORT_OFFSET", Integer.toString(portOffset));
        env.put("QVD_SUPERADMIN_PASSWORD", superadminPassword);
        env.put("QVD_START_TIMEOUT", "400");
        if (images != null) {
            env.put(
                    "QVD_IMAGES_STAGING",
                    images.resolve("staging").toAbsolutePath().toString());
            env.put("QVD_IMAGES_DIR", images.resolve("storage").toAbsolutePath().toString());
        }
        env.put("QVD_LOCAL_HKD", localHkd ? "on" : "off");
        env.put("QVD_HKD_HOST_NAME", hkdHostName);
        env.put("QVD_HKD_LIBVIRT_URI", "test:///default");
        env.putAll(extra);
        return env;
    }

    /** Removes {@code dir} and all below it (nothing when absent); returns it, for a fresh start. */
    public static Path emptied(Path dir) {
        if (!Files.exists(dir)) {
            return dir;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + dir, e);
        }
        return dir;
    }
}
