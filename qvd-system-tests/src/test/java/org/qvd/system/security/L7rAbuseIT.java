package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.l7r.VmasData;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.TrustAll;

/**
 * The L7R (port 8443 + offset) under a hostile client, on the system as {@code ./qvd run} starts it: each test
 * performs the attack, asserts the refusal, and that the legitimate user is unaffected. Attackers use their own
 * loopback addresses (127.0.0.x) so that they are other client addresses as far as the L7R can tell.
 */
@ExtendWith(RunningSystem.class)
class L7rAbuseIT {

    private static final String PING = "GET /qvd/ping HTTP/1.1\r\n\r\n";

    private static String perlList(String authorization) {
        return "GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n"
                + "User-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n";
    }

    private static int list(QvdSystem system, String from, String login, String password) throws IOException {
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from(from).open()) {
            wire.send(perlList(L7rWire.basic(login, password)));
            return wire.read().status();
        }
    }

    @Test
    void aLoginForgingALogLineIsWrittenEscapedOnOneLine(QvdSystem system) throws Exception {
        String forged = "eve\n2026-12-06 01.02.03,000 SEVERE [org.qvd.account] superadmin@* logged in\u001b[2J";
        assertThat(list(system, "127.0.0.11", forged, "x")).isEqualTo(401);
        Path serverLog = system.consoleLog().resolveSibling("server.log");
        String log = awaitLog(serverLog, "Login failed: 'eve\\n2026-12-06 01.02.03,000 SEVERE");
        assertThat(log).contains("superadmin@* logged in\\u001b[2J' from 127.0.0.11");
        assertThat(log.lines()).noneMatch(l -> l.startsWith("2026-12-06 01.02.03,000 SEVERE"));
        assertThat(log).doesNotContain("\u001b");
    }

    @Test
    void aFloodOfIdleConnectionsFromOneAddressIsCappedCountedAndOthersAreServed(QvdSystem system) throws Exception {
        double refusedBefore = refusedMetric(system);
        List<Socket> flood = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < 130; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress("127.0.0.12", 0));
                s.connect(new InetSocketAddress("127.0.0.1", system.l7rPort()), 5000);
                flood.add(s);
            }
            await("the L7R refuses the connections over the cap")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> refusedMetric(system) - refusedBefore >= 30);
            for (Socket s : flood) {
                // closed at once (end of stream) or held (the L7R waits for the TLS handshake: a read times out)
                s.setSoTimeout(30);
                try {
                    refused += s.getInputStream().read() < 0 ? 1 : 0;
                } catch (java.net.SocketTimeoutException held) {
                    // accepted
                }
            }
            assertThat(refused)
                    .as("connections over the per-address cap of 100, closed at once")
                    .isEqualTo(30);
            try (L7rWire user = L7rWire.to(system.l7rPort()).from("127.0.0.13").open()) {
                user.send(PING);
                assertThat(user.read().status()).as("another address meanwhile").isEqualTo(200);
            }
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
        assertThat(refusedMetric(system) - refusedBefore).isEqualTo(30);
        await("the address served again once its connections closed")
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    try (L7rWire again =
                            L7rWire.to(system.l7rPort()).from("127.0.0.12").open()) {
                        again.send(PING);
                        assertThat(again.read().status()).isEqualTo(200);
                    }
                });
    }

    @Test
    void aRequestSmuggledInABodyIsNeverAnswered(QvdSystem system) throws Exception {
        String smuggled = "GET /qvd/list_of_vm HTTP/1.1\r\n\r\n";
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.14").open()) {
            wire.send("GET /qvd/ping HTTP/1.1\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled);
            L7rWire.Response refused = wire.read();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("Request bodies are not accepted");
            assertThat(closedAfter(wire))
                    .as("no answer to the body, connection closed")
                    .isTrue();
        }
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.14").open()) {
            wire.send("GET /qvd/ping HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled + "\r\n0\r\n\r\n");
            assertThat(wire.read().status()).isEqualTo(400);
            assertThat(closedAfter(wire)).isTrue();
        }
    }

    /** The head clock starts at the first byte: a slow sender gets 408 after the header timeout (10 s). */
    @Test
    void anUnfinishedRequestHeadGets408ThenTheClose(QvdSystem system) throws Exception {
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.15").open()) {
            wire.send("GET /qvd/ping HTTP/1.1\r\nX-Slow: ");
            long start = System.nanoTime();
            L7rWire.Response timeout = wire.read();
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.printf("L7rAbuseIT: 408 after %d ms%n", waited);
            assertThat(timeout.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(waited).isBetween(9_000L, 15_000L);
            assertThat(closedAfter(wire)).isTrue();
        }
    }

    /**
     * Guessing a user's password locks that login from the guesser's address only: the user, elsewhere, still logs
     * in (slowed down, never refused).
     */
    @Test
    void guessingLocksTheGuessersAddressNotTheUser(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        for (int i = 0; i < 5; i++) {
            assertThat(list(system, "127.0.0.16", user.login(), "guess-" + i)).isEqualTo(401);
        }
        assertThat(list(system, "127.0.0.16", user.login(), VmasData.USER_PASSWORD))
                .as("the guesser's address")
                .isEqualTo(401);
        long start = System.nanoTime();
        assertThat(list(system, "127.0.0.17", user.login(), VmasData.USER_PASSWORD))
                .as("the user's address")
                .isEqualTo(200);
        System.out.printf(
                "L7rAbuseIT: the user's login after 5 failures elsewhere took %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** The Perl client sends one mistyped password five times (its retries): one failure, no lock-out. */
    @Test
    void theSameWrongPasswordRetriedFiveTimesDoesNotLockTheUser(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        for (int i = 0; i < 5; i++) {
            assertThat(list(system, "127.0.0.18", user.login(), "mistyped")).isEqualTo(401);
        }
        assertThat(list(system, "127.0.0.18", user.login(), VmasData.USER_PASSWORD))
                .isEqualTo(200);
    }

    /** Eight wrong passwords at once: the lock is the first one (30 s), not doubled by the ones in flight. */
    @Test
    void parallelFailuresDoNotLengthenTheLock(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String guess = "parallel-" + i;
                tries.add(pool.submit(() -> list(system, "127.0.0.19", user.login(), guess)));
            }
            for (Future<Integer> t : tries) {
                assertThat(t.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(list(system, "127.0.0.19", user.login(), VmasData.USER_PASSWORD))
                .as("locked")
                .isEqualTo(401);
        Thread.sleep(31_000);
        assertThat(list(system, "127.0.0.19", user.login(), VmasData.USER_PASSWORD))
                .as("after 30 s, not 240 s")
                .isEqualTo(200);
    }

    private static boolean closedAfter(L7rWire wire) throws IOException {
        wire.soTimeout(5000);
        try {
            wire.readExactly(1);
            return false;
        } catch (IOException closed) {
            return !(closed instanceof java.net.SocketTimeoutException);
        }
    }

    private static String awaitLog(Path log, String text) throws Exception {
        return await("'" + text + "' in " + log)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(log, StandardCharsets.ISO_8859_1), content -> content.contains(text));
    }

    private static double refusedMetric(QvdSystem system) throws Exception {
        HttpResponse<String> metrics = TrustAll.httpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + system.httpsPort() + "/api/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^qvd_l7r_connections_refused_total\\{[^}]*reason=\"per-address\"[^}]*\\} "
                        + "([0-9.eE+-]+)$")
                .matcher(metrics.body());
        assertThat(m.find())
                .as("qvd_l7r_connections_refused_total{reason=per-address} in /api/metrics")
                .isTrue();
        return Double.parseDouble(m.group(1));
    }
}
