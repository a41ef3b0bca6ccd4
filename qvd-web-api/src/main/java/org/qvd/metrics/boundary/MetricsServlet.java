package org.qvd.metrics.boundary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import org.qvd.metrics.control.SystemGauges;

/**
 * Prometheus text on the HTTPS port ({@code /api/metrics}), for scrapers that cannot reach the
 * loopback-only management port: the same registry WildFly serves on management {@code /prometheus}.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    MeterRegistry registry;

    @Inject
    SystemGauges gauges;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        gauges.current();
        String text = scrape(registry);
        if (text == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "no Prometheus registry configured");
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(text);
    }

    /** Finds a registry with {@code scrape()} (the Prometheus one) without linking to its version's classes. */
    private static String scrape(MeterRegistry r) {
        if (r instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry child : composite.getRegistries()) {
                String text = scrape(child);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        try {
            Method scrape = r.getClass().getMethod("scrape");
            return (String) scrape.invoke(r);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
