package org.qvd.vma.session.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.qvd.vma.platform.VmaConfig;
import org.qvd.vma.session.entity.SessionRequest;
import org.qvd.vma.session.entity.SessionUser;

/** The session's files under the run directory, owned by the session's user (nxagent runs as them). */
public final class SessionFiles {
    private final VmaConfig config;
    private final Path dir;

    public SessionFiles(VmaConfig config) {
        this.config = config;
        this.dir = config.sessionDir();
    }

    public Path options() {
        return dir.resolve("nxagent.options");
    }

    public Path xauthority() {
        return dir.resolve("xauthority");
    }

    public Path nxRoot() {
        return dir.resolve("nx");
    }

    public Path agentLog() {
        return dir.resolve("nxagent.log");
    }

    public Path desktopLog() {
        return dir.resolve("xsession.log");
    }

    /**
     * Creates the directory and the Xauthority file. nxagent authenticates its own connection to the
     * client's proxy with the cookie it finds there for its display, so it must be the NX cookie.
     */
    public void prepare(SessionUser user, String cookie) throws IOException {
        Files.createDirectories(config.runDir());
        Files.createDirectories(dir);
        Files.createDirectories(nxRoot());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        write(xauthority(), NxOptions.xauthority(config.nxDisplay(), cookie));
        for (Path path : new Path[] {dir, nxRoot(), xauthority()}) {
            own(path, user);
        }
    }

    /** (Re)writes the options file nxagent reads at start and again at each HUP-resume. */
    public void writeOptions(SessionRequest request, SessionUser user) throws IOException {
        String line =
                NxOptions.optionsLine(request, config.nxDisplay(), config.nxPort(), config.nxLoopback(), nxRoot());
        write(options(), line.getBytes(StandardCharsets.US_ASCII));
        own(options(), user);
        if (request.slaveKey() != null) {
            write(dir.resolve("slave.key"), request.slaveKey().getBytes(StandardCharsets.US_ASCII));
            own(dir.resolve("slave.key"), user);
        }
    }

    private static void write(Path path, byte[] content) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(
                tmp,
                path,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void own(Path path, SessionUser user) throws IOException {
        if (!config.localMode()) {
            Files.setAttribute(path, "unix:uid", user.uid());
            Files.setAttribute(path, "unix:gid", user.gid());
        }
    }
}
