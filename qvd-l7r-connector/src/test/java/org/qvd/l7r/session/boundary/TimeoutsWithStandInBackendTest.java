package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;

/** Every wait is bounded: idle keep-alive, slow senders, idle tunnels; with short limits set for the test. */
class TimeoutsWithStandInBackendTest extends StandInBackendFixture {

    @Override
    void customize() {
        settings.put("request-timeout", "1");
        settings.put("header-timeout", "1");
        settings.put("tunnel-idle-timeout", "1.5");
        settings.put("progress-heartbeat", "0.3");
    }

    @Test
    void aLongSilentWaitStillSendsProcessingLines() throws Exception {
        backend.bootSteps = List.of();
        backend.bootMillis = 1500;
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers =
                    c.send(perlConnect(ALICE_BASIC, "7")).readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
            assertThat(answers.stream()
                            .filter(r -> "Please wait".equals(r.exactHeader("X-QVD-VM-Info")))
                            .count())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void idleKeepAliveConnectionGets408AndIsClosedAfterTheRequestTimeout() throws Exception {
        try (L7rWire c = client()) {
            assertThat(c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
            long start = System.nanoTime();
            L7rWire.Response timeout = c.read();
            assertThat(timeout.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(c.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(700), Duration.ofSeconds(5));
        }
    }

    @Test
    void aSenderTricklingOneHeaderByteAtATimeIsCutOff() throws Exception {
        try (L7rWire c = client()) {
            c.send("GET /qvd/ping HTTP/1.1\r\nX-Slow: ");
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    c.send("a");
                    Thread.sleep(100);
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed || c.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    /** The head clock starts at its first byte: a head begun late still has the whole header timeout. */
    @Test
    void anUnfinishedHeadGets408BeforeTheCloseCountedFromItsFirstByte() throws Exception {
        try (L7rWire c = client()) {
            Thread.sleep(700); // idle, but within the request timeout
            c.send("GET /qvd/ping HTTP/1.1\r\nX-Half: ");
            long start = System.nanoTime();
            L7rWire.Response timeout = c.read();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(timeout.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(timeout.exactHeader("Content-Length")).isEqualTo("15");
            assertThat(waited).isBetween(Duration.ofMillis(800), Duration.ofSeconds(3));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    /** 102s come every heartbeat after the last one, never two heartbeats apart (measured gaps were 2x). */
    @Test
    void processingLinesNeverLeaveAGapLongerThanTheHeartbeat() throws Exception {
        backend.bootSteps = List.of("Starting virtual machine"); // a 102 at 1 s, off the heartbeat's beat
        backend.bootMillis = 2000;
        try (L7rWire c = client()) {
            c.send(perlConnect(ALICE_BASIC, "7"));
            long last = System.nanoTime();
            long longest = 0;
            L7rWire.Response r;
            do {
                r = c.read();
                long now = System.nanoTime();
                longest = Math.max(longest, now - last);
                last = now;
            } while (r.status() == 102);
            assertThat(r.status()).isEqualTo(101);
            assertThat(Duration.ofNanos(longest))
                    .as("longest gap between answers")
                    .isLessThan(Duration.ofMillis(450));
        }
    }

    @Test
    void aTunnelWithNoTrafficIsClosedAfterTheIdleTimeout() throws Exception {
        backend.vm(7, 1, "desk", "running").agentPort = agent.port();
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers =
                    c.send(perlConnect(ALICE_BASIC, "7")).readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
            try (Socket vm = agent.nextConnection()) {
                c.send("x");
                assertThat(vm.getInputStream().read()).isEqualTo('x');
                assertThat(c.closedByServer()).isTrue();
                assertThat(vm.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void bytesSentRightBehindTheConnectRequestReachTheAgent() throws Exception {
        backend.vm(7, 1, "desk", "running").agentPort = agent.port();
        try (L7rWire c = client()) {
            c.send(perlConnect(ALICE_BASIC, "7") + "EARLY\nBYTES\n\n");
            List<L7rWire.Response> answers = c.readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
            try (Socket vm = agent.nextConnection()) {
                assertThat(new String(vm.getInputStream().readNBytes(13))).isEqualTo("EARLY\nBYTES\n\n");
            }
        }
    }
}
