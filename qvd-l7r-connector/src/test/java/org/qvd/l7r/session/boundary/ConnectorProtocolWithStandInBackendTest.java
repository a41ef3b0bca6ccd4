package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.NodeAvailability;
import org.qvd.testsupport.L7rWire;

/**
 * The QVD wire protocol as ARCHITECTURE §4 and qvd-client-wire.md describe it, over real TLS to a real listener;
 * the VMAS is an in-memory stand-in (its services are built elsewhere), hence the name.
 */
class ConnectorProtocolWithStandInBackendTest extends StandInBackendFixture {

    @Test
    void pingAnswersIAmAliveWithoutAuthentication() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read();
            assertThat(r.raw())
                    .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nI am alive!");
        }
    }

    @Test
    void pingAnswers503WhileTheNodeIsNotServing() throws Exception {
        backend.availability = NodeAvailability.notServing("Server is blocked");
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
            assertThat(r.body()).isEqualTo("Server is blocked");
        }
    }

    @Test
    void perlCliListRequestGetsTheJsonArrayWithExactContentLength() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(perlList(ALICE_BASIC)).read();
            assertThat(r.raw())
                    .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 54"
                            + "\r\n\r\n[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0}]");
        }
    }

    @Test
    void perlCliListThenConnectOnOneConnectionReaches101AndTheNxHandshake() throws Exception {
        try (L7rWire c = client()) {
            assertThat(c.send(perlList(ALICE_BASIC)).read().status()).isEqualTo(200);
            List<L7rWire.Response> answers =
                    c.send(perlConnect(ALICE_BASIC, "7")).readUntilFinal();
            L7rWire.Response last = answers.get(answers.size() - 1);
            assertThat(last.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            assertThat(last.exactHeader("X-QVD-Slave-Key")).isEqualTo("key-7");
            try (var vm = agent.nextConnection()) {
                c.send("NXPROXY-3.5.0-3.5.99 stream=default,data=default ");
                String hello = "NXPROXY-3.5.0-3.5.99 stream=default,data=default ";
                assertThat(new String(vm.getInputStream().readNBytes(hello.length()), StandardCharsets.US_ASCII))
                        .isEqualTo(hello);
                String reply = "NXPROXY-3.5.0-3.5.99 link=ADSL,pack=adaptive-7,cache=8192k,render=1,taint=0,"
                        + "type=default,images=0,delta=1,stream=4,data=1 cachelist=none ";
                vm.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(c.readExactly(reply.length()), StandardCharsets.US_ASCII))
                        .isEqualTo(reply);
                c.send("cachefile=none ");
                assertThat(new String(vm.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                        .isEqualTo("cachefile=none ");
            }
        }
        assertThat(backend.sessionParameters.get(0))
                .containsEntry("qvd.client.keyboard", "pc105/es")
                .containsEntry("qvd.client.link", "adsl")
                .containsEntry("qvd.client.fullscreen", "")
                .doesNotContainKey("id")
                .hasSize(13);
    }

    @Test
    void qtClientBareLfRequestsAreAnsweredInCrlf() throws Exception {
        String auth = "Authorization: Basic " + b64("alice:s3cr:t") + "\n";
        String agentLine = "User-Agent: QVDClient Qt/0.01 (Linux)\n";
        try (L7rWire c = client()) {
            L7rWire.Response list = c.send(
                            "GET /qvd/list_of_vm HTTP/1.1\n" + auth + agentLine + "Accept: application/json\n\n")
                    .read();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":7");
            String query = "?id=7&qvd.client.type=qt&qvd.client.keyboard=pc105%2Fus&qvd.client.os=linux"
                    + "&qvd.client.nxagent.extra_args=&qvd.client.geometry=1280x800&qvd.client.fullscreen=0"
                    + "&qvd.client.printing.enabled=0&qvd.client.usb.enabled=0&qvd.client.usb.implementation=usbip"
                    + "&qvd.client.link=adsl&qvd.client.audio.sound.enable=0&qvd.client.audio.microphone.enable=0"
                    + "&qvd.client.audio.compression.enable=0&qvd.client.timezone=Europe%2FMadrid";
            List<L7rWire.Response> answers = c.send("GET /qvd/connect_to_vm" + query + " HTTP/1.1\n" + auth + agentLine
                            + "Connection: Upgrade\nUpgrade: QVD/1.0\n\n")
                    .readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
        }
        assertThat(backend.sessionParameters.get(0))
                .containsEntry("qvd.client.timezone", "Europe/Madrid")
                .containsEntry("qvd.client.type", "qt");
    }

    @Test
    void progressLinesWithVmInfoComeBefore101() throws Exception {
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers =
                    c.send(perlConnect(ALICE_BASIC, "7")).readUntilFinal();
            List<L7rWire.Response> interim = answers.subList(0, answers.size() - 1);
            assertThat(interim).hasSizeGreaterThanOrEqualTo(3).allSatisfy(r -> {
                assertThat(r.statusLine()).isEqualTo("HTTP/1.1 102 Processing");
                assertThat(r.exactHeader("X-QVD-VM-Info")).isNotBlank();
            });
            assertThat(interim.get(0).raw())
                    .isEqualTo("HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting virtual " + "machine\r\n\r\n");
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
        }
    }

    @Test
    void http10IsRefusedWith505AndClosed() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send("GET /qvd/ping HTTP/1.0\r\n\r\n").read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 505 HTTP Version Not Supported");
            assertThat(r.exactHeader("Content-Length")).isNotNull();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectWithoutUpgradeHeadersGets426() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r =
                    c.send(connect("?id=7", "Authorization: " + ALICE_BASIC)).read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 426 Upgrade Required");
            L7rWire.Response half = c.send(connect("?id=7", "Authorization: " + ALICE_BASIC, "Connection: Upgrade"))
                    .read();
            assertThat(half.status()).isEqualTo(426);
        }
    }

    @Test
    void unknownParameterPrefixGets403() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(connect(
                            "?id=7&qvd.slave.key=x",
                            "Authorization: " + ALICE_BASIC,
                            "Connection: Upgrade",
                            "Upgrade: QVD/1.0"))
                    .read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(r.body()).isEqualTo("Invalid parameters");
        }
    }

    @Test
    void customParametersAreAccepted() throws Exception {
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers = c.send(connect(
                            "?custom.color=blue&id=7",
                            "Authorization: " + ALICE_BASIC,
                            "Connection: Upgrade",
                            "Upgrade: QVD/1.0"))
                    .readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
        }
    }

    @Test
    void connectWithoutIdGets422() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(connect(
                            "?qvd.client.os=linux",
                            "Authorization: " + ALICE_BASIC,
                            "Connection: Upgrade",
                            "Upgrade: QVD/1.0"))
                    .read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 422 Unprocessable Entity");
        }
    }

    @Test
    void unknownOrSomeoneElsesVmGets404() throws Exception {
        backend.vm(9, 2, "bobs", "running");
        try (L7rWire c = client()) {
            assertThat(c.send(perlConnect(ALICE_BASIC, "999")).read().statusLine())
                    .isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(c.send(perlConnect(ALICE_BASIC, "9")).read().status()).isEqualTo(404);
        }
    }

    @Test
    void blockedVmGets403() throws Exception {
        backend.vm(8, 1, "blocked-desk", "stopped").blocked = true;
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(perlConnect(ALICE_BASIC, "8")).read();
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("maintenance");
        }
    }

    @Test
    void wrongPasswordGets401WithBasicRealm() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(perlList("Basic " + b64("alice:wrong"))).read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(r.exactHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");
            L7rWire.Response none =
                    c.send("GET /qvd/list_of_vm HTTP/1.1\r\n\r\n").read();
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.exactHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");
        }
    }

    @Test
    void tenantLoginsAreResolved() throws Exception {
        backend.vm(20, 2, "acme-desk", "running");
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(perlList("Basic " + b64("bob@acme:pw"))).read();
            assertThat(r.body()).contains("acme-desk");
        }
    }

    @Test
    void bearerTokenIsAcceptedBase64EncodedOrRaw() throws Exception {
        backend.token("tok-123", 1);
        try (L7rWire c = client()) {
            assertThat(c.send(perlList("Bearer dG9rLTEyMw==")).read().status()).isEqualTo(200);
        }
        try (L7rWire c = client()) {
            assertThat(c.send(perlList("Bearer tok-123")).read().status()).isEqualTo(200);
        }
        try (L7rWire c = client()) {
            assertThat(c.send(perlList("Bearer nope")).read().status()).isEqualTo(401);
        }
    }

    @Test
    void failureAfterTheChecksGets503WithTheReason() throws Exception {
        backend.vm(11, 1, "broken", "stopped").startFailure = "no host has capacity";
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers =
                    c.send(perlConnect(ALICE_BASIC, "11")).readUntilFinal();
            L7rWire.Response last = answers.get(answers.size() - 1);
            assertThat(last.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
            assertThat(last.body())
                    .isEqualTo(
                            "The requested virtual machine is not available: no host has capacity," + " retry later.");
            assertThat(c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read().status())
                    .as("still keep-alive")
                    .isEqualTo(200);
        }
    }

    @Test
    void stopVmAnswersMachineStoppedAfterProgress() throws Exception {
        backend.vm(12, 1, "running-desk", "running");
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers = c.send("GET /qvd/stop_vm?id=12 HTTP/1.1\r\nAuthorization: " + ALICE_BASIC
                            + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n")
                    .readUntilFinal();
            L7rWire.Response last = answers.get(answers.size() - 1);
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.body()).isEqualTo("Machine stopped");
        }
    }

    @Test
    void oversizedHeaderGets431AndTheConnectionCloses() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send("GET /qvd/ping HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
                    .read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void unknownPathGets404AndOtherMethodsGet405() throws Exception {
        try (L7rWire c = client()) {
            assertThat(c.send("GET /qvd/nothing HTTP/1.1\r\n\r\n").read().status())
                    .isEqualTo(404);
            assertThat(c.send("POST /qvd/ping HTTP/1.1\r\n\r\n").read().status())
                    .isEqualTo(405);
        }
    }

    @Test
    void repeatedWrongPasswordsThrottleTheLoginWithoutAskingTheBackend() throws Exception {
        try (L7rWire c = client()) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.send(perlList("Basic " + b64("alice:guess" + i)))
                                .read()
                                .status())
                        .isEqualTo(401);
            }
            int asked = backend.authAttempts.size();
            assertThat(c.send(perlList(ALICE_BASIC)).read().status())
                    .as("locked even with the right password")
                    .isEqualTo(401);
            assertThat(backend.authAttempts).hasSize(asked);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
