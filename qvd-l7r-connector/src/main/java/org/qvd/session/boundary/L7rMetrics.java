package org.qvd.session.boundary;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;

/**
 * The L7R's meters in the server's Micrometer registry (WildFly's micrometer subsystem; scraped at
 * {@code /prometheus} and {@code /api/metrics}). Kept apart so that the connector still starts where no registry is
 * deployed: the caller catches the linkage error.
 */
final class L7rMetrics {

    static final String REFUSED = "qvd.l7r.connections.refused";

    private L7rMetrics() {
    }

    static Consumer<String> refusals(Instance<Object> beans) {
        Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
        if (!registries.isResolvable()) {
            throw new IllegalStateException("no MeterRegistry bean");
        }
        MeterRegistry registry = registries.get();
        for (String reason : new String[] {"global", "per-address"}) {
            registry.counter(REFUSED, Tags.of("reason", reason)); // present at 0 before the first refusal
        }
        return reason -> registry.counter(REFUSED, Tags.of("reason", reason)).increment();
    }
}
