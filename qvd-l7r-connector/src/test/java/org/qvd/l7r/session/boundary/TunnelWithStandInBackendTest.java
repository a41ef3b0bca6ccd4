package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.ConnectionState;
import org.qvd.testsupport.L7rWire;

/** The raw tunnel after {@code 101}, with a local TCP server as the VM's nxagent and the in-memory stand-in VMAS. */
class TunnelWithStandInBackendTest extends StandInBackendFixture {

    @Test
    void bytesFlowBothWaysAndTheConnectionStatesAndTrafficAreRecorded() throws Exception {
        backend.vm(7, 1, "desk", "running").agentPort = agent.port();
        try (L7rWire c = client()) {
            upgrade(c, "7");
            try (Socket vm = agent.nextConnection()) {
                byte[] up = randomBytes(300_000, 1);
                byte[] down = randomBytes(500_000, 2);
                Thread writer = new Thread(() -> write(vm, down));
                writer.start();
                c.write(up);
                assertThat(vm.getInputStream().readNBytes(up.length)).isEqualTo(up);
                assertThat(c.readExactly(down.length)).isEqualTo(down);
                writer.join();
                vm.close();
                assertThat(c.closedByServer())
                        .as("agent closing ends the client connection")
                        .isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> backend.states.stream().anyMatch(s -> s.state() == ConnectionState.DISCONNECTED));
        InMemorySessionBackend.StateRecord end = backend.states.get(backend.states.size() - 1);
        assertThat(backend.statesOf(end.connection()))
                .containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTED);
        assertThat(end.traffic().bytesFromClient()).isEqualTo(300_000);
        assertThat(end.traffic().bytesToClient()).isEqualTo(500_000);
        assertThat(end.traffic().connectedAt()).isNotNull();
    }

    @Test
    void slowReaderStallsTheAgentInsteadOfFillingTheL7rMemory() throws Exception {
        backend.vm(7, 1, "desk", "running").agentPort = agent.port();
        int total = 64 * 1024 * 1024;
        try (L7rWire c = client()) {
            upgrade(c, "7");
            try (Socket vm = agent.nextConnection()) {
                AtomicLong accepted = new AtomicLong();
                MessageDigest sent = MessageDigest.getInstance("SHA-256");
                Thread writer = new Thread(() -> pump(vm, total, accepted, sent));
                writer.start();
                long stalledAt = waitUntilStable(accepted); // the client reads nothing meanwhile
                assertThat(stalledAt)
                        .as("the agent is blocked, not buffered into the L7R (64 MiB offered)")
                        .isLessThan(16L * 1024 * 1024);
                MessageDigest received = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[65536];
                InputStream in = c.input();
                for (long got = 0; got < total; ) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, total - got));
                    received.update(buf, 0, n);
                    got += n;
                }
                writer.join(10_000);
                assertThat(received.digest()).as("every byte arrives, in order").isEqualTo(sent.digest());
            }
        }
    }

    @Test
    void aSecondClientTakesTheVmOverFromTheFirst() throws Exception {
        backend.vm(7, 1, "desk", "running").agentPort = agent.port();
        try (L7rWire first = client();
                L7rWire second = client()) {
            upgrade(first, "7");
            try (Socket firstVm = agent.nextConnection()) {
                List<L7rWire.Response> answers =
                        second.send(perlConnect(ALICE_BASIC, "7")).readUntilFinal();
                assertThat(answers)
                        .anySatisfy(
                                r -> assertThat(r.exactHeader("X-QVD-VM-Info")).contains("Taking over"));
                assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
                assertThat(first.closedByServer())
                        .as("the first client is cut off")
                        .isTrue();
                assertThat(firstVm.getInputStream().read())
                        .as("and its agent connection closed")
                        .isEqualTo(-1);
                try (Socket secondVm = agent.nextConnection()) {
                    second.send("hello");
                    assertThat(secondVm.getInputStream().readNBytes(5)).isEqualTo("hello".getBytes());
                }
            }
        }
    }

    @Test
    void clientLeavingWhileTheVmStartsIsRecordedAsDisconnected() throws Exception {
        backend.bootMillis = 1500;
        try (L7rWire c = client()) {
            c.send(perlConnect(ALICE_BASIC, "7"));
            assertThat(c.read().status()).isEqualTo(102);
        }
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> backend.states.stream().anyMatch(s -> s.state() == ConnectionState.DISCONNECTED));
        assertThat(backend.states).noneMatch(s -> s.state() == ConnectionState.CONNECTED);
    }

    private static void upgrade(L7rWire c, String vmId) throws Exception {
        List<L7rWire.Response> answers = c.send(perlConnect(ALICE_BASIC, vmId)).readUntilFinal();
        assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
    }

    /** The counter's value once it has not moved for a second (at most 20 s). */
    private static long waitUntilStable(AtomicLong counter) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 20 && counter.get() != last; i++) {
            last = counter.get();
            Thread.sleep(1000);
        }
        return counter.get();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void write(Socket s, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pump(Socket s, int total, AtomicLong accepted, MessageDigest digest) {
        try {
            OutputStream out = s.getOutputStream();
            Random random = new Random(3);
            byte[] chunk = new byte[16384];
            for (int sent = 0; sent < total; sent += chunk.length) {
                random.nextBytes(chunk);
                digest.update(chunk);
                out.write(chunk);
                accepted.addAndGet(chunk.length);
            }
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
