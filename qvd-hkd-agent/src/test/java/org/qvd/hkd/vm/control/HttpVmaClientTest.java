package org.qvd.hkd.vm.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP VMA client against a real HTTP server playing the VMA's two endpoints. */
class HttpVmaClientTest {

    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int serve(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vma/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-QVD-VMA-Key")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    @Test
    void pingsAndPowersOffOverHttp() throws Exception {
        HttpVmaClient client = new HttpVmaClient(serve(200), Duration.ofSeconds(2));

        assertThat(client.ping("127.0.0.1", null)).isTrue();
        assertThat(client.poweroff("127.0.0.1", null)).isTrue();
        assertThat(paths).containsExactly("/vma/ping", "/vma/poweroff");
    }

    @Test
    void sendsTheVmsKeyOnEveryCallAndNoHeaderWithoutOne() throws Exception {
        HttpVmaClient client = new HttpVmaClient(serve(200), Duration.ofSeconds(2));
        String key = "ab".repeat(32);

        assertThat(client.ping("127.0.0.1", key)).isTrue();
        assertThat(client.pingAsync("127.0.0.1", key).get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        assertThat(client.poweroff("127.0.0.1", key)).isTrue();
        assertThat(client.pingAsync("127.0.0.1", null).get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        assertThat(keys).containsExactly(key, key, key, "null");
    }

    @Test
    void anAsyncPingOfAClosedPortAnswersFalseWithoutThrowing() throws Exception {
        int port = serve(200);
        server.stop(0);
        server = null;

        assertThat(new HttpVmaClient(port, Duration.ofMillis(500))
                        .pingAsync("127.0.0.1", null)
                        .get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isFalse();
    }

    @Test
    void treatsAnErrorStatusAsNoAnswer() throws Exception {
        assertThat(new HttpVmaClient(serve(503), Duration.ofSeconds(2)).ping("127.0.0.1", null))
                .isFalse();
    }

    @Test
    void treatsAClosedPortAsNoAnswer() throws Exception {
        int port = serve(200);
        server.stop(0);
        server = null;

        assertThat(new HttpVmaClient(port, Duration.ofMillis(500)).ping("127.0.0.1", null))
                .isFalse();
    }
}
