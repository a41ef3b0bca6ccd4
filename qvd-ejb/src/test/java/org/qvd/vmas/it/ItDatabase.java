package org.qvd.vmas.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before Arquillian boots WildFly (failsafe only: it sets {@code qvd.it.pgdir}): starts a real
 * PostgreSQL on a free port, gives the server its own copy of the standalone base dir, and publishes
 * {@code qvd.it.db.url}, {@code qvd.it.server.base} and the superadmin password as system properties
 * that arquillian.xml passes to WildFly.
 */
public class ItDatabase implements LauncherSessionListener {

    public static final String SUPERADMIN_PASSWORD_PROPERTY = "qvd.it.superadmin.password";
    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String pgDir = System.getProperty("qvd.it.pgdir");
        if (pgDir == null || postgres != null) {
            return;
        }
        try {
            int port = freePort();
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(Path.of(pgDir).toFile())
                    .setCleanDataDirectory(true)
                    .start();
            System.setProperty("qvd.it.db.url", "jdbc:postgresql://localhost:" + port + "/postgres");
            System.setProperty(SUPERADMIN_PASSWORD_PROPERTY, "it-" + UUID.randomUUID());
            System.setProperty("qvd.it.server.base", serverBaseCopy().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A fresh copy of the provisioned server's standalone/ so this run never touches the shared one. */
    private static Path serverBaseCopy() throws IOException {
        Path source = Path.of(System.getProperty("qvd.wildfly.home"), "standalone");
        // one directory per run: two runs of this module at once must not share (or delete) a server's files
        Path target = Path.of(System.getProperty("qvd.it.pgdir"))
                .resolveSibling("it-wildfly-base-" + ProcessHandle.current().pid());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = source.relativize(p);
                if (rel.startsWith("data")
                        || rel.startsWith("log")
                        || rel.startsWith("tmp")
                        || rel.toString().startsWith("deployments/")) {
                    continue;
                }
                Path dest = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
