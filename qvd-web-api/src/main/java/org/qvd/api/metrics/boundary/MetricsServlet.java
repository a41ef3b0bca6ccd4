package org.qvd.api.metrics.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.qvd.api.metrics.control.SystemGauges;

/**
 * Prometheus text on the HTTPS port ({@code /api/metrics}) for scrapers that cannot reach the
 * loopback-only management port: relays WildFly's own {@code /prometheus} (the registry a
 * deployment is given cannot render it), so both show the same meters.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final HttpClient LOCAL =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    SystemGauges gauges;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        gauges.current();
        try {
            HttpResponse<byte[]> prometheus = LOCAL.send(
                    HttpRequest.newBuilder(managementUri())
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            response.setStatus(prometheus.statusCode());
            response.setContentType(
                    prometheus.headers().firstValue("Content-Type").orElse("text/plain; version=0.0.4"));
            response.getOutputStream().write(prometheus.body());
        } catch (IOException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "metrics unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    private static URI managementUri() {
        String host = System.getProperty("jboss.bind.address.management", "127.0.0.1");
        int port = Integer.getInteger("jboss.management.http.port", 9990)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return URI.create("http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port + "/prometheus");
    }
}
