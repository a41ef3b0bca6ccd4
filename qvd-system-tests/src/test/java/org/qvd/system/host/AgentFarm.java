package org.qvd.system.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

/**
 * A host of its own for host-agent tests: the real agent jar as a separate process, joined to the running
 * system's broker with the agent account the launcher created, on libvirt's test driver whose node file
 * (written here) holds the image pool with the DIs the tests name, and far more RAM than any other test host,
 * so placement picks it. Plus the admin's REST calls and SQL reads those tests need.
 */
public final class AgentFarm implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The VMAS's image storage, also the agent's {@code storage.images}: the node file's pool holds its DIs. */
    static final String IMAGES = RunningSystem.IMAGES_DIR.toAbsolutePath().toString();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(TrustAll.context())
            .connectTimeout(Duration.ofSeconds(60))
            .build();

    private final QvdSystem system;
    private final String hostName;
    private final Path dir;
    private final String base;
    private final String authorization;
    private final List<String> images = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Process agent;

    public AgentFarm(QvdSystem system, String hostName, Path dir) {
        this.system = system;
        this.hostName = hostName;
        this.dir = dir;
        this.base = "https://localhost:" + system.httpsPort() + "/api/v1";
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                ("superadmin@*:" + RunningSystem.SUPERADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    public String hostName() {
        return hostName;
    }

    public Path log() {
        return dir.resolve("hkd-" + hostName + ".log");
    }

    /** Starts (or restarts) the agent process with these extra settings ({@code key=value}). */
    public synchronized Process startAgent(String... settings) throws IOException {
        Files.createDirectories(dir);
        Path node = dir.resolve("node-" + hostName + ".xml");
        Files.writeString(node, nodeXml());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms8m",
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-Dhkd.host.name=" + hostName,
                "-Dhkd.broker.urls=" + system.brokerUrl(),
                "-Dhkd.broker.password=" + system.issueAgentAccount(hostName),
                "-Dhkd.libvirt.uri=test://" + node,
                "-Dhkd.libvirt.domain-type=qemu",
                "-Dhkd.storage.images=" + IMAGES,
                "-Dhkd.heartbeat.period=1s"));
        for (String setting : settings) {
            command.add("-Dhkd." + setting);
        }
        command.addAll(List.of(
                "-jar",
                agentJar().toString(),
                "--config",
                dir.resolve("absent.conf").toString()));
        agent = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        return agent;
    }

    /** Kills the agent as a crash would. */
    public synchronized void killAgent() {
        if (agent != null) {
            agent.destroyForcibly();
            waitFor(agent);
        }
    }

    public synchronized long agentPid() {
        return agent.pid();
    }

    /** Live threads of the agent process (from /proc). */
    public int agentThreads() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(agentPid()), "status")).stream()
                .filter(l -> l.startsWith("Threads:"))
                .mapToInt(l -> Integer.parseInt(l.replaceAll("\\D", "")))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Blocks every other host that takes new VMs: stand-in hosts of earlier test classes may still count as running
     * for a heartbeat timeout, and the VMAS may place this test's starts there instead of on this agent's host.
     */
    public void blockOtherHosts() {
        String ids = query("SELECT string_agg(id::text, ',') FROM host WHERE name <> ? AND NOT blocked", hostName);
        if (ids != null) {
            for (String id : ids.split(",")) {
                post("/hosts/" + id + "/block", "");
            }
        }
    }

    /** Ends the agent; its host is blocked first, so no later test's start is placed on a host about to be lost. */
    @Override
    public synchronized void close() {
        String id = query("SELECT id FROM host WHERE name = ?", hostName);
        if (id != null) {
            post("/hosts/" + id + "/block", "");
        }
        if (agent != null) {
            agent.destroy();
            waitFor(agent);
            agent.destroyForcibly();
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String nodeXml() {
        StringBuilder volumes = new StringBuilder();
        for (String image : images) {
            volumes.append("<volume><name>")
                    .append(image)
                    .append("</name><capacity unit='G'>1</capacity>")
                    .append("<target><path>")
                    .append(IMAGES)
                    .append('/')
                    .append(image)
                    .append("</path><format type='qcow2'/></target></volume>");
        }
        // 1 TiB: placement weighs free RAM, so this host wins over every other test host
        return "<node><cpu><mhz>2000</mhz><model>x86_64</model><nodes>1</nodes><sockets>1</sockets><cores>2</cores>"
                + "<threads>1</threads></cpu><memory>1073741824</memory>"
                + "<pool type='dir'><name>qvd-images</name><target><path>" + IMAGES + "</path></target>" + volumes
                + "</pool></node>\n";
    }

    private Path agentJar() throws IOException {
        Path target = system.config().sourceRoot().resolve("qvd-hkd-agent/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("qvd-hkd-agent-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the HKD jar is not built in " + target));
        }
    }

    // ---- the admin's view ----

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A user of a fresh tenant with an OSF whose default DI is {@code content}, uploaded (the VMAS places it in its
     * image storage). {@code onHost}: the test-driver host's image pool holds it too (written at the agent's next
     * start; a real hypervisor reads the directory). Returns {userId, osfId}; {@link #diPath} gives the DI's file.
     */
    public long[] tenantUserAndOsf(byte[] content, boolean onHost) {
        long tenantId = post("/tenants", Map.of("name", unique("t"), "description", "host agent test"))
                .get("id")
                .asLong();
        long userId = post("/users", Map.of("tenantId", tenantId, "login", unique("u"), "password", "Agent-Test-Pw-1"))
                .get("id")
                .asLong();
        long osfId = post("/osfs", Map.of("tenantId", tenantId, "name", unique("osf"), "memoryMb", 256))
                .get("id")
                .asLong();
        send(HttpRequest.newBuilder(
                        URI.create(base + "/dis/upload?osfId=" + osfId + "&fileName=agent.qcow2&tag=default"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        if (onHost) {
            images.add(Path.of(diPath(osfId)).getFileName().toString());
        }
        return new long[] {userId, osfId};
    }

    /** Some bytes for a DI that only a test-driver host "boots". */
    public static byte[] standInImage() {
        return "QFI stand-in image".getBytes(StandardCharsets.UTF_8);
    }

    public String diPath(long osfId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/dis?osfId=" + osfId + "&size=1"))
                        .GET())
                .path("items")
                .get(0)
                .path("path")
                .asText();
    }

    /** A VM with the given address (inside the VM range). */
    public long vm(long[] userAndOsf, String ip) {
        return post("/vms", Map.of("userId", userAndOsf[0], "osfId", userAndOsf[1], "name", unique("vm"), "ip", ip))
                .get("id")
                .asLong();
    }

    public long vm(long[] userAndOsf) {
        return post("/vms", Map.of("userId", userAndOsf[0], "osfId", userAndOsf[1], "name", unique("vm")))
                .get("id")
                .asLong();
    }

    public void start(long vmId) {
        post("/vms/" + vmId + "/start", "");
    }

    public void stop(long vmId) {
        post("/vms/" + vmId + "/stop", "");
    }

    public JsonNode vmView(long vmId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/vms/" + vmId)).GET());
    }

    public JsonNode vmHistory(long vmId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/vms/" + vmId + "/history"))
                .GET());
    }

    /** A superadmin's GET of an API path (e.g. {@code /audit?action=...}). */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public String vmState(long vmId) {
        return vmView(vmId).path("state").asText();
    }

    public String hostState() {
        return query("SELECT r.state FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?", hostName);
    }

    /** Waits until the condition holds for the VM's REST view; fails with the view and the agent's log. */
    public JsonNode awaitVm(long vmId, Predicate<JsonNode> condition, Duration timeout, String what) throws Exception {
        JsonNode[] view = {null};
        try {
            return await("VM " + vmId + " " + what)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> view[0] = vmView(vmId), condition::test);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "VM " + vmId + " not " + what + " within " + timeout.toSeconds() + " s: " + view[0]
                            + "\nagent log tail:\n" + logTail(),
                    e);
        }
    }

    public void awaitHost(String state, Duration timeout) throws Exception {
        await("host " + hostName + " " + state)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(hostState()).as("%s", logTail()).isEqualTo(state));
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public long logLinesContaining(String text) throws IOException {
        try (Stream<String> lines = Files.lines(log())) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    public void sql(String update, Object... params) {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement(update)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String query(String select, Object... params) {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement(select)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> hostOf(long vmId) {
        return Optional.ofNullable(
                query("SELECT h.name FROM vm_runtime r JOIN host h ON h.id = r.host_id " + "WHERE r.vm_id = ?", vmId));
    }

    private JsonNode post(String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(
                    request.header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s", r.body()).isBetween(200, 204);
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
