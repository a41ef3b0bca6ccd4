package org.qvd.hkd.vm.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The VMA over HTTP: {@code GET http://<ip>:<port>/vma/<method>}, any 2xx answer counts. */
public final class HttpVmaClient implements VmaClient {

    private static final Logger LOG = Logger.getLogger(HttpVmaClient.class.getName());

    private final HttpClient http;
    private final int port;
    private final Duration requestTimeout;

    public HttpVmaClient(int port, Duration requestTimeout) {
        this.port = port;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout)
                .build();
    }

    @Override
    public boolean ping(String ip) {
        return call(ip, "ping");
    }

    @Override
    public boolean poweroff(String ip) {
        return call(ip, "poweroff");
    }

    private boolean call(String ip, String method) {
        URI uri = URI.create("http://" + ip + ":" + port + "/vma/" + method);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.log(Level.FINE, "{0} -> {1}", new Object[] {uri, status});
            return status / 100 == 2;
        } catch (IOException e) {
            LOG.log(Level.FINE, "{0} -> {1}", new Object[] {uri, e.toString()});
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
