package org.qvd.l7rvmas.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The L7R's meters in the server's Micrometer registry (WildFly's micrometer subsystem; scraped at
 * {@code /prometheus} and {@code /api/metrics}). Where no registry is deployed, refusals are only logged by the
 * listener: the registry's classes are touched in {@link Registry} alone, so their absence is a linkage error caught
 * here.
 */
@ApplicationScoped
public class L7rMetrics {

    static final String REFUSED = "qvd.l7r.connections.refused";
    private static final Logger LOG = Logger.getLogger(L7rMetrics.class.getName());

    @Inject
    Instance<Object> beans;

    private Consumer<String> refusals = reason -> {};

    @PostConstruct
    void init() {
        try {
            refusals = Registry.refusals(beans);
        } catch (LinkageError | RuntimeException e) {
            LOG.warning(() -> "L7R refusals are logged but not in the metrics: " + e);
        }
    }

    /** Made with the deployment, so the counters are scraped at 0 before the first refusal. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        LOG.fine("L7R meters registered");
    }

    /** Counts one connection closed by a cap ({@code qvd_l7r_connections_refused_total{reason}}). */
    void refused(String reason) {
        refusals.accept(reason);
    }

    private static final class Registry {

        static Consumer<String> refusals(Instance<Object> beans) {
            Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
            if (!registries.isResolvable()) {
                throw new IllegalStateException("no MeterRegistry bean");
            }
            MeterRegistry registry = registries.get();
            for (String reason : new String[] {"global", "per-address"}) {
                registry.counter(REFUSED, Tags.of("reason", reason)); // present at 0 before the first refusal
            }
            return reason ->
                    registry.counter(REFUSED, Tags.of("reason", reason)).increment();
        }
    }
}
