package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.LogCapture;

/** What a hostile client tries on the wire, against the real listener over the stand-in backend. */
class AbuseWithStandInBackendTest extends StandInBackendFixture {

    private LogCapture log;

    @Override
    void customize() {
        settings.put("max-connections-per-address", "3");
        settings.put("max-login-failures", "3");
    }

    @BeforeEach
    void captureLog() {
        log = LogCapture.of(QvdRequestHandler.class);
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    @Test
    void aRequestWithALengthBodyIsRefusedAndItsBodyNeverAnswered() throws Exception {
        String smuggled = "GET /qvd/nothing HTTP/1.1\r\n\r\n";
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send(
                            "GET /qvd/ping HTTP/1.1\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled)
                    .read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("Request bodies are not accepted");
            assertThat(c.closedByServer()).as("nothing answers the body").isTrue();
        }
    }

    @Test
    void aChunkedRequestIsRefusedAndItsChunkNeverAnswered() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r = c.send("GET /qvd/ping HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "1e\r\nGET /qvd/nothing HTTP/1.1\r\n\r\n\r\n0\r\n\r\n")
                    .read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aZeroLengthIsNoBody() throws Exception {
        try (L7rWire c = client()) {
            assertThat(c.send("GET /qvd/ping HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
                            .read()
                            .status())
                    .isEqualTo(200);
            assertThat(c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aLoginWithANewlineAndEscapeCannotForgeALogLine() throws Exception {
        String forged = "eve\n2026-12-06T01.00.00 SEVERE [x] superadmin logged in\u001b[2J";
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((forged + ":nope").getBytes(StandardCharsets.UTF_8));
        try (L7rWire c = client()) {
            assertThat(c.send(perlList(basic)).read().status()).isEqualTo(401);
        }
        assertThat(log.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Login failed: 'eve\\n2026-12-06T01.00.00 SEVERE")
                        .contains("superadmin logged in\\u001b[2J@default'"));
        assertThat(log.lines())
                .allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\u001b"));
    }

    @Test
    void connectionsOverThePerAddressCapAreClosedAtOnce() throws Exception {
        List<L7rWire> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(client());
            }
            try (Socket fourth = new Socket()) {
                fourth.connect(address, 5000);
                fourth.setSoTimeout(5000);
                assertThat(fourth.getInputStream().read())
                        .as("closed before TLS")
                        .isEqualTo(-1);
            }
            assertThat(listener.refusedConnections()).isEqualTo(1);
            held.remove(0).close();
            Thread.sleep(200);
            try (L7rWire again = client()) {
                assertThat(again.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read().status())
                        .isEqualTo(200);
            }
        } finally {
            for (L7rWire c : held) {
                c.close();
            }
        }
    }

    /** The Perl client retries one typed password five times: one failure, so the right one still works. */
    @Test
    void theSameWrongPasswordRetriedCountsOnce() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            try (L7rWire c = client()) {
                assertThat(c.send(perlList(wrong)).read().status()).isEqualTo(401);
            }
        }
        try (L7rWire c = client()) {
            assertThat(c.send(perlList(ALICE_BASIC)).read().status()).isEqualTo(200);
        }
        assertThat(log.lines())
                .filteredOn(l -> l.contains("the same credentials again: not counted"))
                .hasSize(4);
    }

    @Test
    void differentWrongPasswordsLockThatLoginFromThatAddressOnly() throws Exception {
        for (int i = 0; i < 3; i++) {
            String guess =
                    "Basic " + Base64.getEncoder().encodeToString(("alice:guess" + i).getBytes(StandardCharsets.UTF_8));
            try (L7rWire c = client()) {
                assertThat(c.send(perlList(guess)).read().status()).isEqualTo(401);
            }
        }
        try (L7rWire c = client()) {
            assertThat(c.send(perlList(ALICE_BASIC)).read().status())
                    .as("locked from 127.0.0.1")
                    .isEqualTo(401);
        }
        assertThat(log.lines())
                .anySatisfy(l -> assertThat(l).startsWith("Login throttled: 'alice@default' from 127.0.0.1"));
        try (L7rWire other = RawClient.to(address, null, new InetSocketAddress("127.0.0.2", 0))) {
            assertThat(other.send(perlList(ALICE_BASIC)).read().status())
                    .as("the user's own address")
                    .isEqualTo(200);
        }
    }
}
