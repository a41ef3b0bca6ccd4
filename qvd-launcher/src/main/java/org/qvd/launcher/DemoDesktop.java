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
 * default DI of an OSF {@code desktop}, a user {@code demo} with one VM on it, and the client command to
 * connect. Made through the REST API like any integrator would; the demo's login is kept in
 * {@code QVD_HOME/demo.properties} (0600) so later runs can print it again.
 */
public final class DemoDesktop {
    static final String OSF = "desktop";
    static final String USER = "demo";
    static final String VM = "demo-desktop";

    public record Login(String user, String password, long vmId) {
    }

    private DemoDesktop() {
    }

    /** Creates what is missing (needs the superadmin password of this start); empty when there is no image. */
    public static Optional<Login> ensure(QvdSystem system, String superadminPassword) {
        AdminApi api = new AdminApi(system, superadminPassword);
        if (system.config().softwareEmulation()) {
            // the VMAS gives a start a little longer than the local HKD gives the guest's VMA
            api.put("/config/internal.l7r.timeout.vm_start",
                    Map.of("value", Integer.toString(LauncherConfig.TCG_VM_START_SECONDS + 60)));
        }
        long tenant = find(api, "/tenants?name=default", "name", "default")
                .orElseThrow(() -> new LauncherException("no tenant 'default'"));
        long osf = find(api, "/osfs?name=" + OSF + "&tenantId=" + tenant, "name", OSF).orElseGet(() -> api.post("/osfs",
                Map.of("tenantId", tenant, "name", OSF, "memoryMb", 1024, "userStorageMb", 512,
                        "description", "the desktop image built by images/build.sh")).get("id").asLong());
        if (api.get("/dis?osfId=" + osf + "&size=1").get("total").asLong() == 0) {
            Optional<String> image = newestStagedBuild(api);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            api.post("/dis/import", Map.of("osfId", osf, "file", image.get(), "makeDefault", true));
        }
        Path saved = system.config().home().resolve("demo.properties");
        Properties login = load(saved);
        long user = find(api, "/users?login=" + USER + "&tenantId=" + tenant, "login", USER).orElseGet(() -> {
            String password = generatedPassword();
            login.setProperty("password", password);
            store(saved, login);
            return api.post("/users", Map.of("tenantId", tenant, "login", USER, "password", password)).get("id").asLong();
        });
        long vm = find(api, "/vms?userId=" + user + "&name=" + VM, "name", VM).orElseGet(() -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("userId", user, "osfId", osf, "name", VM));
            return api.post("/vms", body).get("id").asLong();
        });
        return Optional.of(new Login(USER, login.getProperty("password", "(set when it was created)"), vm));
    }

    /** The demo login saved at an earlier run, for the banner of a run that does not know the superadmin password. */
    static Optional<Login> saved(QvdSystem system) {
        Properties p = load(system.config().home().resolve("demo.properties"));
        return p.containsKey("password") ? Optional.of(new Login(USER, p.getProperty("password"), -1)) : Optional.empty();
    }

    private static Optional<String> newestStagedBuild(AdminApi api) {
        JsonNode newest = null;
        for (JsonNode s : api.get("/dis/staged")) {
            if (s.path("directBoot").asBoolean() && (newest == null
                    || s.path("version").asText().compareTo(newest.path("version").asText()) > 0)) {
                newest = s;
            }
        }
        return Optional.ofNullable(newest).map(n -> n.get("file").asText());
    }

    private static Optional<Long> find(AdminApi api, String query, String field, String value) {
        for (JsonNode item : api.get(query + (query.contains("?") ? "&" : "?") + "size=100").get("items")) {
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
