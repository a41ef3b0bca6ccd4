package org.qvd.vma.session.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.vma.platform.Commands;
import org.qvd.vma.platform.VmaConfig;
import org.qvd.vma.session.entity.SessionRequest;
import org.qvd.vma.session.entity.SessionUser;

/**
 * Makes sure the session's user exists, with a home on the home disk. In local mode (tests on a
 * build machine) it touches no account or disk and returns the current user.
 */
public final class UserProvisioner {
    private static final Logger LOG = Logger.getLogger(UserProvisioner.class.getName());
    private final VmaConfig config;
    private final HomeDisk homeDisk;

    public UserProvisioner(VmaConfig config) {
        this.config = config;
        this.homeDisk = new HomeDisk(config.homeDevice(), config.homeMount());
    }

    /** The home disk ready before any session asks for it (see {@link SessionSupervisor#prepareHome()}). */
    void prepareHome() {
        if (config.localMode()) {
            return;
        }
        try {
            homeDisk.ensureMounted();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot prepare the home disk now; x_start tries again", e);
        }
    }

    public SessionUser provision(SessionRequest request) throws IOException {
        if (config.localMode()) {
            Files.createDirectories(config.localHome());
            return new SessionUser(System.getProperty("user.name"), id("-u"), id("-g"), config.localHome());
        }
        homeDisk.ensureMounted();
        Optional<SessionUser> existing = lookup(request.userName());
        if (existing.isPresent()) {
            if (existing.get().uid() < SessionParameters.MIN_ID) {
                throw new ParameterInvalidException("qvd.vm.user.name", "names a system account");
            }
            return existing.get();
        }
        create(request);
        return lookup(request.userName()).orElseThrow(() -> new IOException("user not found after useradd"));
    }

    private void create(SessionRequest request) throws IOException {
        Path home = config.homeMount().resolve(request.userName());
        Integer uid = request.uid();
        if (uid == null && Files.isDirectory(home)) {
            // a home from an earlier image: keep its owner's uid so the files stay the user's
            uid = (Integer) Files.getAttribute(home, "unix:uid");
        }
        List<String> useradd =
                new ArrayList<>(List.of("useradd", "-m", "-d", home.toString(), "-s", config.userShell()));
        if (uid != null) {
            useradd.addAll(List.of("-u", uid.toString()));
        }
        if (request.gid() != null) {
            if (!Commands.run(List.of("getent", "group", request.gid().toString()), 10)
                    .ok()) {
                Commands.require(List.of("groupadd", "-g", request.gid().toString(), request.userName()), 30);
            }
            useradd.addAll(List.of("-g", request.gid().toString()));
        } else {
            useradd.add("-U");
        }
        useradd.addAll(List.of("--", request.userName()));
        Commands.require(useradd, 60);
        LOG.info(() -> "created user " + request.userName());
    }

    static Optional<SessionUser> parsePasswd(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 7 || !f[2].matches("[0-9]+") || !f[3].matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(new SessionUser(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Path.of(f[5])));
    }

    private Optional<SessionUser> lookup(String name) throws IOException {
        Commands.Result result = Commands.run(List.of("getent", "passwd", "--", name), 10);
        return result.ok() ? parsePasswd(result.output()) : Optional.empty();
    }

    private static int id(String flag) throws IOException {
        return Integer.parseInt(Commands.require(List.of("id", flag), 5));
    }
}
