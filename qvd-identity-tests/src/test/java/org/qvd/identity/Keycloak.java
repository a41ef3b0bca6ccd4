package org.qvd.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider: Keycloak's server distribution from Maven Central (unpacked by the build), started
 * in development mode (its own H2 database, plain HTTP on loopback) with the realm {@value #REALM} imported from
 * {@code keycloak/qvd-test-realm.json}: users alice (group qvd-operators), carol (qvd-readers) and bob (staff), and the
 * confidential client {@code qvd} whose tokens carry the groups. Keycloak 26 needs Java 21 or newer.
 */
final class Keycloak implements AutoCloseable {

    static final String REALM = "qvd-test";
    static final String CLIENT_ID = "qvd";
    static final String CLIENT_SECRET = "qvd-client-secret";

    private final Process process;
    private final int port;
    private final Path log;

    private Keycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A JDK of version 21 or newer on this machine, or why there is none. */
    static Optional<Path> javaHome() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> feature(h) >= 21)
                    .min((a, b) -> Integer.compare(feature(a), feature(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's feature version from its {@code release} file (0 when unknown). */
    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not a JDK we can use
        }
        return 0;
    }

    /** Starts Keycloak from {@code home} on {@code port} (management on the next one) and waits for the realm. */
    static Keycloak start(Path home, Path javaHome, int port, Duration timeout)
            throws IOException, InterruptedException {
        try (java.net.ServerSocket free =
                new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            free.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "port " + port + " is taken: a Keycloak left by an earlier run? Stop it, or "
                            + "move this run with -Dqvd.identity.port.offset");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Path realmFile = imports.resolve(REALM + "-realm.json");
        byte[] realm;
        try (InputStream in = Keycloak.class.getResourceAsStream("/keycloak/qvd-test-realm.json")) {
            realm = in.readAllBytes();
        }
        if (!Files.exists(realmFile) || !java.util.Arrays.equals(Files.readAllBytes(realmFile), realm)) {
            // a changed realm file: a fresh database (Keycloak's import keeps an existing realm as it is)
            deleteTree(home.resolve("data/h2"));
            Files.write(realmFile, realm);
        }
        Path log = home.resolve("keycloak-test.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--http-management-port=" + (port + 1),
                        "--import-realm"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        // Java 24+: JBoss threads resets thread locals through java.lang internals. C1 only: a short-lived test
        // server on a shared 2-core machine starts faster without C2's compile threads (kc.sh picks the collector)
        pb.environment()
                .put(
                        "JAVA_OPTS_APPEND",
                        "--add-opens java.base/java.lang=ALL-UNNAMED -Xmx512m -XX:TieredStopAtLevel=1");
        Keycloak keycloak = new Keycloak(pb.start(), port, log);
        // a test JVM that ends abruptly must not leave Keycloak running (it would hold the port for the next run)
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
        keycloak.awaitRealm(timeout);
        return keycloak;
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** An access token for {@code user} by the password grant (direct access, enabled for the test client). */
    String accessToken(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET + "&username="
                + user + "&password=" + password + "&scope=openid";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the password grant: " + r.statusCode() + " " + r.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.body())
                .get("access_token")
                .asText();
    }

    private void awaitRealm(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (" + process.exitValue() + "), see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException(
                "Keycloak did not serve realm " + REALM + " within " + timeout + ", see " + log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
