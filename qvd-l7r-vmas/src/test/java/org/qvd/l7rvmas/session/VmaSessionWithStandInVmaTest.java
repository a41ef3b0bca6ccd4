package org.qvd.l7rvmas.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.VmUnavailableException;

/** Against a stand-in VMA (a JDK HTTP server replaying scripted answers): the real one needs a VM or nxagent. */
class VmaSessionWithStandInVmaTest {

    private HttpServer vma;
    private final Deque<String[]> script = new ArrayDeque<>(); // {status, body}
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startStandIn() throws IOException {
        vma = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vma.createContext("/vma/", exchange -> {
            calls.add(exchange.getRequestURI().toString());
            String[] answer;
            synchronized (script) {
                answer = script.size() > 1 ? script.poll() : script.peek();
            }
            if (answer[0].equals("drop")) {
                exchange.close(); // no answer: the connection is closed under the client
                return;
            }
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.start();
    }

    @AfterEach
    void stop() {
        vma.stop(0);
        timer.shutdownNow();
    }

    private CompletableFuture<Void> start(Map<String, String> params) {
        return new VmaSession(http, timer, "127.0.0.1", vma.getAddress().getPort(), null, params, progress::add)
                .start();
    }

    @Test
    void newSessionCompletesWhenXStateReportsListening() throws Exception {
        script.add(new String[] {"200", "{\"state\":\"provisioning\",\"resumed\":false}"});
        script.add(new String[] {"200", "{\"state\":\"starting\",\"resumed\":false}"});
        script.add(new String[] {"200", "{\"state\":\"listening\",\"resumed\":false}"});

        start(Map.of("qvd.vm.user.name", "alice", "qvd.client.keyboard", "pc105/es"))
                .get(10, TimeUnit.SECONDS);

        assertThat(calls.get(0))
                .startsWith("/vma/x_start?")
                .contains("qvd.vm.user.name=alice")
                .contains("qvd.client.keyboard=pc105%2Fes");
        assertThat(calls.subList(1, calls.size())).containsOnly("/vma/x_state");
        assertThat(progress).contains("Desktop session provisioning", "Desktop session starting");
    }

    @Test
    void resumedSessionCompletesAtOnce() throws Exception {
        script.add(new String[] {"200", "{\"state\":\"listening\",\"resumed\":true}"});
        start(Map.of()).get(10, TimeUnit.SECONDS);
        assertThat(calls).hasSize(1);
    }

    @Test
    void busyVmaIsAskedAgainUntilThePreviousClientLetGo() throws Exception {
        script.add(new String[] {"409", "{\"error\":\"busy\",\"state\":\"suspending\"}"});
        script.add(new String[] {"409", "{\"error\":\"busy\",\"state\":\"suspending\"}"});
        script.add(new String[] {"200", "{\"state\":\"listening\",\"resumed\":true}"});
        start(Map.of()).get(10, TimeUnit.SECONDS);
        assertThat(calls).hasSize(3).allMatch(c -> c.startsWith("/vma/x_start"));
    }

    @Test
    void anAgentThatDropsTheConnectionIsAskedAgain() throws Exception {
        for (int i = 0; i < 3; i++) { // the JDK's HttpClient itself retries an idempotent GET once
            script.add(new String[] {"drop", ""});
        }
        script.add(new String[] {"200", "{\"state\":\"listening\",\"resumed\":true}"});
        start(Map.of()).get(10, TimeUnit.SECONDS);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(3).allMatch(c -> c.startsWith("/vma/x_start"));
        assertThat(progress).contains("Waiting for the virtual machine's agent");
    }

    @Test
    void refusedParameterFailsWithTheVmasMessage() {
        script.add(new String[] {
            "400",
            "{\"error\":\"invalid_parameter\",\"parameter\":\"qvd.vm.user.name\","
                    + "\"message\":\"not a valid user name\"}"
        });
        assertThatThrownBy(() -> start(Map.of()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(VmUnavailableException.class)
                .hasMessageContaining("not a valid user name");
    }

    @Test
    void unreachableAgentFailsAsUnavailable() {
        vma.stop(0);
        assertThatThrownBy(() -> start(Map.of()).get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(VmUnavailableException.class)
                .hasMessageContaining("does not answer");
    }

    @Test
    void cancellingStopsThePolling() throws Exception {
        script.add(new String[] {"200", "{\"state\":\"provisioning\",\"resumed\":false}"});
        CompletableFuture<Void> listening = start(Map.of());
        Thread.sleep(700);
        listening.cancel(false);
        Thread.sleep(300);
        int after = calls.size();
        Thread.sleep(800);
        assertThat(after).isGreaterThan(1);
        assertThat(calls).hasSize(after);
    }
}
