package org.qvd.client.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qvd.client.platform.ScriptedConsole;
import org.qvd.client.session.entity.Link;
import org.qvd.client.standin.EchoNxAgent;
import org.qvd.client.standin.EchoViewer;
import org.qvd.client.standin.StandInL7r;
import org.qvd.client.standin.TestCertificate;

/** The whole client, in-process, against a stand-in L7R (TLS) and a stand-in nxagent that echoes. */
class ClientAgainstStandInL7rIT {

    private static final String VMS = "[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0}]";
    private static TestCertificate serverCert;
    private static TestCertificate impostorCert;

    @TempDir
    Path dir;

    private StandInL7r l7r;
    private EchoNxAgent nxagent;

    @BeforeAll
    static void certificates(@TempDir Path certs) throws Exception {
        serverCert = TestCertificate.create(certs, "qvd-test-server");
        impostorCert = TestCertificate.create(certs, "impostor");
    }

    @BeforeEach
    void servers() throws Exception {
        nxagent = new EchoNxAgent();
        l7r = new StandInL7r(serverCert, "alice@acme", "s3cr:t").vms(VMS).farSide(nxagent.port());
    }

    @AfterEach
    void stop() throws IOException {
        l7r.close();
        nxagent.close();
    }

    private List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--host",
                "127.0.0.1:" + l7r.port(),
                "--user",
                "alice@acme",
                "--known-servers",
                dir.resolve("known_servers").toString(),
                "--keyboard",
                "pc105/es"));
        args.addAll(List.of(extra));
        return args;
    }

    /** Drops the far side once the viewer's first session is through, as a lost VM connection would. */
    private Thread dropAfterFirstSession(EchoViewer viewer) {
        Thread dropper = new Thread(() -> {
            try {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> !viewer.seen().isEmpty());
                nxagent.dropCurrent();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        dropper.start();
        return dropper;
    }

    private int run(ScriptedConsole console, EchoViewer viewer, List<String> args) {
        return ClientMain.run(args.toArray(String[]::new), console, Map.of("QVD_PASSWORD", "s3cr:t"), o -> viewer);
    }

    @Test
    void listsConnectsShowsProgressAndForwardsBytesBothWaysOnOneTlsConnection() throws Exception {
        l7r.progress("Starting virtual machine", "Starting X session at VM 7");
        ScriptedConsole console = new ScriptedConsole(false);
        EchoViewer viewer = new EchoViewer("NXPROXY-3.5.0-3.5.99 stream=default,data=default ");

        int exit = run(console, viewer, args("--accept-new-server", "--link", "wan", "--geometry", "1280x800"));

        assertThat(exit).as(console.all()).isZero();
        assertThat(console.infos()).contains("Server: Starting virtual machine", "Server: Starting X session at VM 7");
        List<StandInL7r.Request> requests = l7r.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(StandInL7r.Request::connection).containsOnly(1);
        assertThat(requests.get(0).raw())
                .isEqualTo("GET /qvd/list_of_vm? HTTP/1.1\r\n"
                        + "Authorization: Basic YWxpY2VAYWNtZTpzM2NyOnQ=\r\nAccept: application/json\r\n"
                        + "User-Agent: QVD-Client-Java/0.1.0 (linux)\r\n\r\n");
        Map<String, String> params = StandInL7r.query(requests.get(1).target());
        assertThat(params)
                .containsEntry("id", "7")
                .containsEntry("qvd.client.os", "linux")
                .containsEntry("qvd.client.geometry", "1280x800")
                .containsEntry("qvd.client.link", "wan")
                .containsEntry("qvd.client.keyboard", "pc105/es")
                .containsEntry("qvd.client.fullscreen", "0");
        assertThat(params.get("qvd.client.nx.cookie")).matches("[0-9a-f]{32}");
        assertThat(nxagent.received()).isEqualTo("NXPROXY-3.5.0-3.5.99 stream=default,data=default ");
        assertThat(viewer.seen()).singleElement().satisfies(seen -> {
            assertThat(seen.echoed()).isEqualTo("NXPROXY-3.5.0-3.5.99 stream=default,data=default ");
            assertThat(seen.cookie()).isEqualTo(params.get("qvd.client.nx.cookie"));
            assertThat(seen.link()).isEqualTo(Link.WAN);
        });
        assertThat(Files.readString(dir.resolve("known_servers"))).startsWith("127.0.0.1:" + l7r.port() + " SHA256:");
    }

    @Test
    void restartVmStopsTheVmOnTheSameConnectionBeforeConnecting() {
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = run(console, new EchoViewer("fresh"), args("--accept-new-server", "--restart-vm"));

        assertThat(exit).as(console.all()).isZero();
        assertThat(l7r.requests()).extracting(StandInL7r.Request::connection).containsExactly(1, 1, 1);
        assertThat(l7r.requests().get(1).raw())
                .isEqualTo("GET /qvd/stop_vm?id=7 HTTP/1.1\r\n"
                        + "Authorization: Basic YWxpY2VAYWNtZTpzM2NyOnQ=\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n"
                        + "User-Agent: QVD-Client-Java/0.1.0 (linux)\r\n\r\n");
        assertThat(l7r.requests().get(2).target()).startsWith("/qvd/connect_to_vm?id=7&");
        assertThat(console.infos()).contains("Server: Stopping virtual machine");
    }

    @Test
    void listOnlyPrintsTheVmsAndConnectsToNothing() {
        l7r.vms("[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0},"
                + "{\"id\":9,\"name\":\"lab\",\"state\":\"running\",\"blocked\":1}]");
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = run(console, new EchoViewer("x"), args("--accept-new-server", "--list"));

        assertThat(exit).isZero();
        assertThat(console.all()).contains("desk").contains("lab").contains("(blocked)");
        assertThat(l7r.requests()).hasSize(1);
    }

    @Test
    void letsTheUserChooseAmongSeveralVms() {
        l7r.vms("[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0},"
                + "{\"id\":9,\"name\":\"lab\",\"state\":\"running\",\"blocked\":0}]");
        ScriptedConsole console = new ScriptedConsole(true, "yes", "5", "2");

        int exit = run(console, new EchoViewer("hello"), args());

        assertThat(exit).as(console.all()).isZero();
        assertThat(console.errors()).contains("Please answer a number from 1 to 2.");
        assertThat(StandInL7r.query(l7r.requests().get(1).target())).containsEntry("id", "9");
    }

    @Test
    void severalVmsWithoutATerminalNeedVm() {
        l7r.vms(
                "[{\"id\":7,\"name\":\"a\",\"state\":\"stopped\",\"blocked\":0},{\"id\":8,\"name\":\"b\",\"state\":\"stopped\",\"blocked\":0}]");
        ScriptedConsole console = new ScriptedConsole(false);

        assertThat(run(console, new EchoViewer("x"), args("--accept-new-server")))
                .isEqualTo(2);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains("--vm ID"));
    }

    @Test
    void logsInWithATokenAsBearer() throws Exception {
        l7r.acceptToken("tok-123");
        Path tokenFile = Files.writeString(dir.resolve("token"), "tok-123\n");
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = ClientMain.run(
                new String[] {
                    "--host",
                    "127.0.0.1:" + l7r.port(),
                    "--token-file",
                    tokenFile.toString(),
                    "--known-servers",
                    dir.resolve("known_servers").toString(),
                    "--accept-new-server",
                    "--list"
                },
                console,
                Map.of(),
                o -> new EchoViewer("x"));

        assertThat(exit).as(console.all()).isZero();
        assertThat(l7r.requests().get(0).raw()).contains("\r\nAuthorization: Bearer dG9rLTEyMw==\r\n");
    }

    @Test
    void createTokenPrintsTheAuthTokenAndTokenLogsInWithIt() throws Exception {
        ScriptedConsole console = new ScriptedConsole(false);
        int exit = run(console, new EchoViewer("x"), args("--accept-new-server", "--create-token"));
        assertThat(exit).as(console.all()).isZero();
        assertThat(l7r.requests().get(0).raw())
                .startsWith("GET /qvd/create_auth_token HTTP/1.1\r\nAuthorization: Basic ");
        String authToken = console.infos().get(console.infos().size() - 1);
        assertThat(authToken).isEqualTo("dG9rLTE="); // base64("tok-1"), as the server sent it

        ScriptedConsole second = new ScriptedConsole(false);
        int listed = ClientMain.run(
                new String[] {
                    "--host",
                    "127.0.0.1:" + l7r.port(),
                    "--token",
                    "tok-1",
                    "--known-servers",
                    dir.resolve("known_servers").toString(),
                    "--list"
                },
                second,
                Map.of(),
                o -> new EchoViewer("x"));
        assertThat(listed).as(second.all()).isZero();
        assertThat(l7r.requests().get(l7r.requests().size() - 1).raw())
                .contains("\r\nAuthorization: Bearer " + authToken + "\r\n");
    }

    @Test
    void wrongPasswordExitsWithTheBadLoginCode() {
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = ClientMain.run(
                args("--accept-new-server").toArray(String[]::new),
                console,
                Map.of("QVD_PASSWORD", "wrong"),
                o -> new EchoViewer("x"));

        assertThat(exit).isEqualTo(3);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains("rejected your login"));
    }

    @ParameterizedTest(name = "{0} -> exit {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "403|Forbidden|The VM is blocked|4|blocked or under maintenance",
                "404|Not Found|no such VM|5|does not exist",
                "426|Upgrade Required||6|different QVD protocol version",
                "505|HTTP Version Not Supported||6|HTTP version",
                "503|Service Unavailable|The requested virtual machine is not available: no host has room, retry later.|7"
                        + "|The server said: The requested virtual machine is not available: no host has room",
            })
    void connectRefusalsGiveClearMessagesAndDistinctExitCodes(
            int status, String reason, String body, int exit, String message) {
        l7r.progress("Assigning a host").refuseConnect(status, reason, body == null ? "" : body);
        ScriptedConsole console = new ScriptedConsole(false);

        int code = run(console, new EchoViewer("x"), args("--accept-new-server", "--vm", "7"));

        assertThat(code).isEqualTo(exit);
        assertThat(console.infos()).contains("Server: Assigning a host");
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains(message));
    }

    @Test
    void asksBeforeReconnectingWhenThereIsATerminal() throws Exception {
        ScriptedConsole console = new ScriptedConsole(true, "yes", "yes");
        EchoViewer viewer = new EchoViewer("again", 1);
        Thread dropper = dropAfterFirstSession(viewer);

        int exit = run(console, viewer, args());
        dropper.join(10_000);

        assertThat(exit).as(console.all()).isZero();
        assertThat(console.infos()).contains("Reconnect to VM 7 (yes/no)? ");
        assertThat(viewer.seen()).hasSize(2);
    }

    @Test
    void aDropWithoutTerminalOrReconnectEndsTheClient() throws Exception {
        ScriptedConsole console = new ScriptedConsole(false);
        EchoViewer viewer = new EchoViewer("once", 1);
        Thread dropper = dropAfterFirstSession(viewer);

        int exit = run(console, viewer, args("--accept-new-server"));
        dropper.join(10_000);

        assertThat(exit).isZero();
        assertThat(console.infos()).contains("The server closed the connection to VM 7.");
        assertThat(viewer.seen()).hasSize(1);
        assertThat(l7r.requests()).hasSize(2);
    }

    @Test
    void aServerThatHangsAfterProgressTimesOut() {
        l7r.progress("Starting virtual machine").stallAfterProgress();
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = run(console, new EchoViewer("x"), args("--accept-new-server", "--vm", "7", "--timeout", "1"));

        assertThat(exit).isEqualTo(7);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains("did not answer"));
    }

    @Test
    void refusesAServerWhoseCertificateChanged() throws Exception {
        Files.writeString(
                dir.resolve("known_servers"), "127.0.0.1:" + l7r.port() + " SHA256:" + "00".repeat(32) + "\n");
        ScriptedConsole console = new ScriptedConsole(true, "yes");

        int exit = run(console, new EchoViewer("x"), args("--accept-new-server"));

        assertThat(exit).isEqualTo(8);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains("HAS CHANGED"));
        assertThat(l7r.requests()).isEmpty();
    }

    @Test
    void refusesAnUnknownServerWithoutATerminalOrAcceptNew() {
        ScriptedConsole console = new ScriptedConsole(false);

        assertThat(run(console, new EchoViewer("x"), args("--list"))).isEqualTo(8);
        assertThat(l7r.requests()).isEmpty();
        assertThat(dir.resolve("known_servers")).doesNotExist();
    }

    @Test
    void verifiesTheServerAgainstACaFile() {
        ScriptedConsole trusted = new ScriptedConsole(false);
        ScriptedConsole untrusted = new ScriptedConsole(false);

        int withRightCa = run(
                trusted, new EchoViewer("x"), args("--ca-file", serverCert.pem().toString(), "--list"));
        int withWrongCa = run(
                untrusted,
                new EchoViewer("x"),
                args("--ca-file", impostorCert.pem().toString(), "--list"));

        assertThat(withRightCa).as(trusted.all()).isZero();
        assertThat(withWrongCa).isEqualTo(8);
        assertThat(untrusted.errors()).anySatisfy(e -> assertThat(e).contains("TLS handshake"));
        assertThat(dir.resolve("known_servers")).doesNotExist();
    }

    @Test
    void connectionRefusedHasItsOwnExitCode() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = ClientMain.run(
                new String[] {"--host", "127.0.0.1:" + closedPort, "--user", "a", "--list"},
                console,
                Map.of("QVD_PASSWORD", "x"),
                o -> new EchoViewer("x"));

        assertThat(exit).isEqualTo(9);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains("Connection refused"));
    }

    @Test
    void reconnectsAfterTheServerDropsTheSession() throws Exception {
        ScriptedConsole console = new ScriptedConsole(false);
        EchoViewer viewer = new EchoViewer("resume-me", 1);
        Thread dropper = dropAfterFirstSession(viewer);

        int exit = run(console, viewer, args("--accept-new-server", "--reconnect"));
        dropper.join(10_000);

        assertThat(exit).as(console.all()).isZero();
        assertThat(viewer.seen()).extracting(EchoViewer.Seen::echoed).containsExactly("resume-me", "resume-me");
        assertThat(viewer.seen().get(0).cookie())
                .isNotEqualTo(viewer.seen().get(1).cookie());
        assertThat(l7r.requests()).extracting(StandInL7r.Request::connection).containsExactly(1, 1, 2, 2);
        assertThat(nxagent.connections()).isEqualTo(2);
        assertThat(console.infos()).contains("Reconnecting to VM 7…");
    }
}
