package org.qvd.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The first-run demo of a one-machine system: the newest image of the build's output registered as the
 * default DI of an OSF, a user {@code demo} with one desktop on it, and the client command to connect. The desktop
 * is a container (OSF {@code desktop-container}, VM {@code demo-container}) where this machine can run containers
 * and the build wrote a container image, else a VM (OSF {@code desktop}, VM {@code demo-desktop}); see
 * {@link #choose}. Made through the REST API like any integrator would; the demo's login is kept in
 * {@code QVD_HOME/demo.properties} (0600) so later runs can print it again.
 */
public final class DemoDesktop {
    static final String OSF = "desktop";
    static final String USER = "demo";
    static final String VM = "demo-desktop";
    static final String CONTAINER_OSF = "desktop-container";
    static final String CONTAINER_VM = "demo-container";
    static final String CONTAINER_IMAGE_SUFFIX = ".rootfs.tar";

    /** The two kinds of desktop (the OSF's {@code kind}). */
    public enum Kind {
        VM("vm", "a VM"),
        CONTAINER("container", "a container");

        private final String wire;
        private final String words;

        Kind(String wire, String words) {
            this.wire = wire;
            this.words = words;
        }

        public String wire() {
            return wire;
        }

        String words() {
            return words;
        }
    }

    /** The kind the demo desktop gets on this machine, and why, as the run command prints it. */
    public record Choice(Kind kind, String why) {}

    public record Login(String user, String password, long vmId) {}

    private DemoDesktop() {}

    /**
     * Container where containers work, for a first experience in seconds instead of minutes; a VM when asked
     * ({@code --demo-vm}, {@code QVD_DEMO_KIND=vm}) or when containers cannot run here, saying what is missing.
     * {@code QVD_DEMO_KIND=container} insists on a container and fails with the reason where it cannot be one.
     */
    static Choice choose(LauncherConfig config, ContainerHost host, boolean localHkd) {
        String flag = " (for a VM: ./qvd run --demo-vm)";
        if ("vm".equals(config.demoKind())) {
            return new Choice(Kind.VM, "asked for (--demo-vm or QVD_DEMO_KIND=vm)");
        }
        Optional<String> notContainer = !localHkd
                ? Optional.of("no local host agent runs (QVD_LOCAL_HKD)")
                : config.hkdLibvirtUri().startsWith("test:")
                        ? Optional.of("the local host agent runs on libvirt's test" + " driver ("
                                + config.hkdLibvirtUri() + "), which runs no desktop")
                        : host.missing()
                                .map(m -> "containers cannot run here: " + m)
                                .or(() -> newestContainerImage(config.imagesStaging())
                                                .isPresent()
                                        ? Optional.empty()
                                        : Optional.of("no container image (*" + CONTAINER_IMAGE_SUFFIX + ") in "
                                                + config.imagesStaging()
                                                + "; images/build.sh writes one beside the VM image"));
        if (notContainer.isPresent()) {
            if ("container".equals(config.demoKind())) {
                throw new LauncherException("QVD_DEMO_KIND=container, but " + notContainer.get());
            }
            return new Choice(
                    Kind.VM,
                    notContainer.get()
                            + (config.softwareEmulation()
                                    ? "; a VM under software emulation takes minutes to start"
                                    : ""));
        }
        return new Choice(
                Kind.CONTAINER,
                host.found() + ", container image "
                        + newestContainerImage(config.imagesStaging())
                                .orElseThrow()
                                .getFileName()
                        + ": it starts in seconds and holds ~50 MiB, where a VM "
                        + (config.softwareEmulation()
                                ? "under software emulation takes minutes and reserves 1 GiB"
                                : "reserves 1 GiB")
                        + ("container".equals(config.demoKind()) ? "" : flag));
    }

    /** The newest container image of the build's output directory (the staging directory on one machine). */
    static Optional<Path> newestContainerImage(Path staging) {
        if (!Files.isDirectory(staging)) {
            return Optional.empty();
        }
        try (var files = Files.list(staging)) {
            return files.filter(f -> f.getFileName().toString().endsWith(CONTAINER_IMAGE_SUFFIX))
                    .max(java.util.Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates what is missing for a desktop of {@code kind} (needs the superadmin password of this start); empty when
     * the build wrote no image of that kind. Both kinds can exist side by side (separate OSFs and VMs of the one
     * demo user): a later run with the other choice adds its desktop and leaves the first.
     */
    public static Optional<Login> ensure(QvdSystem system, String superadminPassword, Kind kind) {
        AdminApi api = new AdminApi(system, superadminPassword);
        if (system.config().softwareEmulation()) {
            // the VMAS gives a start a little longer than the local HKD gives the guest's VMA
            api.put(
                    "/config/internal.l7r.timeout.vm_start",
                    Map.of("value", Integer.toString(LauncherConfig.TCG_VM_START_SECONDS + 60)));
        }
        long tenant = find(api, "/tenants?name=default", "name", "default")
                .orElseThrow(() -> new LauncherException("no tenant 'default'"));
        String osfName = kind == Kind.VM ? OSF : CONTAINER_OSF;
        long osf = find(api, "/osfs?name=" + osfName + "&tenantId=" + tenant, "name", osfName)
                .orElseGet(() -> api.post(
                                "/osfs",
                                Map.of(
                                        "tenantId",
                                        tenant,
                                        "name",
                                        osfName,
                                        "kind",
                                        kind.wire(),
                                        "memoryMb",
                                        1024,
                                        "userStorageMb",
                                        512,
                                        "description",
                                        "the desktop image built by images/build.sh"))
                        .get("id")
                        .asLong());
        if (api.get("/dis?osfId=" + osf + "&size=1").get("total").asLong() == 0) {
            Optional<String> image = kind == Kind.VM ? newestStagedBuild(api) : newestStagedContainerImage(api);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            api.post("/dis/import", Map.of("osfId", osf, "file", image.get(), "makeDefault", true));
        }
        Path saved = system.config().home().resolve("demo.properties");
        Properties login = load(saved);
        long user = find(api, "/users?login=" + USER + "&tenantId=" + tenant, "login", USER)
                .orElseGet(() -> {
                    String password = generatedPassword();
                    login.setProperty("password", password);
                    store(saved, login);
                    return api.post("/users", Map.of("tenantId", tenant, "login", USER, "password", password))
                            .get("id")
                            .asLong();
                });
        String vmName = kind == Kind.VM ? VM : CONTAINER_VM;
        long vm = find(api, "/vms?userId=" + user + "&name=" + vmName, "name", vmName)
                .orElseGet(() -> {
                    Map<String, Object> body =
                            new LinkedHashMap<>(Map.of("userId", user, "osfId", osf, "name", vmName));
                    return api.post("/vms", body).get("id").asLong();
                });
        return Optional.of(new Login(USER, login.getProperty("password", "(set when it was created)"), vm));
    }

    /** The demo login saved at an earlier run, for the banner of a run that does not know the superadmin password. */
    static Optional<Login> saved(QvdSystem system) {
        Properties p = load(system.config().home().resolve("demo.properties"));
        return p.containsKey("password")
                ? Optional.of(new Login(USER, p.getProperty("password"), -1))
                : Optional.empty();
    }

    private static Optional<String> newestStagedBuild(AdminApi api) {
        JsonNode newest = null;
        for (JsonNode s : api.get("/dis/staged")) {
            if (s.path("directBoot").asBoolean()
                    && (newest == null
                            || s.path("version")
                                            .asText()
                                            .compareTo(newest.path("version").asText())
                                    > 0)) {
                newest = s;
            }
        }
        return Optional.ofNullable(newest).map(n -> n.get("file").asText());
    }

    private static Optional<String> newestStagedContainerImage(AdminApi api) {
        String newest = null;
        for (JsonNode s : api.get("/dis/staged")) {
            String file = s.path("file").asText();
            if (file.endsWith(CONTAINER_IMAGE_SUFFIX) && (newest == null || file.compareTo(newest) > 0)) {
                newest = file;
            }
        }
        return Optional.ofNullable(newest);
    }

    private static Optional<Long> find(AdminApi api, String query, String field, String value) {
        for (JsonNode item :
                api.get(query + (query.contains("?") ? "&" : "?") + "size=100").get("items")) {
            if (value.equals(item.path(field).asText())) {
                return Optional.of(item.get("id").asLong());
            }
        }
        return Optional.empty();
    }

    private static String generatedPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("Demo-");
        for (int i = 0; i < 10; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static void store(Path file, Properties p) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "the demo user's login, made by the run command");
            }
        } catch (IOException e) {
            throw new LauncherException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
