package org.qvd.hkd.vm.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The VMA over HTTP: {@code GET http://<ip>:<port>/vma/<method>}, any 2xx answer counts. The VM's VMA key
 * goes in header {@code X-QVD-VMA-Key} (never logged).
 */
public final class HttpVmaClient implements VmaClient {

    public static final String KEY_HEADER = "X-QVD-VMA-Key";
    private static final Logger LOG = Logger.getLogger(HttpVmaClient.class.getName());

    private final HttpClient http;
    private final int port;
    private final Duration requestTimeout;

    public HttpVmaClient(int port, Duration requestTimeout) {
        this.port = port;
        this.requestTimeout = requestTimeout;
        // a small fixed executor: the client's default one grows a thread per concurrent exchange, and a host
        // waiting for many booting guests at once must not
        AtomicInteger count = new AtomicInteger();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread thread = new Thread(r, "hkd-vma-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    @Override
    public boolean ping(String ip, String key) {
        return call(ip, key, "ping");
    }

    @Override
    public CompletableFuture<Boolean> pingAsync(String ip, String key) {
        HttpRequest request = request(ip, key, "ping");
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            LOG.log(Level.FINE, "{0} -> {1}", new Object[] {
                request.uri(), failure != null ? failure.toString() : response.statusCode()
            });
            return failure == null && response.statusCode() / 100 == 2;
        });
    }

    @Override
    public boolean poweroff(String ip, String key) {
        return call(ip, key, "poweroff");
    }

    private HttpRequest request(String ip, String key, String method) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + ip + ":" + port + "/vma/" + method))
                .timeout(requestTimeout)
                .GET();
        if (key != null) {
            builder.header(KEY_HEADER, key);
        }
        return builder.build();
    }

    private boolean call(String ip, String key, String method) {
        HttpRequest request = request(ip, key, method);
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.log(Level.FINE, "{0} -> {1}", new Object[] {request.uri(), status});
            return status / 100 == 2;
        } catch (IOException e) {
            LOG.log(Level.FINE, "{0} -> {1}", new Object[] {request.uri(), e.toString()});
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
