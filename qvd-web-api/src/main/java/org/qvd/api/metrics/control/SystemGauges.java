package org.qvd.api.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.statistics.boundary.StatisticsDto;
import org.qvd.vmas.statistics.boundary.StatisticsService;

/**
 * System-wide gauges (VMs by state, hosts by state, connected users) and the connection counters the
 * L7R increments (found by name in the same registry). The gauges read the VMAS's system-wide
 * statistics, cached briefly so a scrape storm cannot load the database.
 */
@ApplicationScoped
public class SystemGauges {

    public static final List<String> VM_STATES = WireNamed.names(VmState.class);
    public static final List<String> HOST_STATES = WireNamed.names(HostState.class);
    public static final String CONNECT_ATTEMPTS = "qvd.l7r.connect.attempts";
    public static final String CONNECT_SUCCESSES = "qvd.l7r.connect.successes";
    public static final String L7R_BYTES = "qvd.l7r.bytes";

    private static final Logger LOG = Logger.getLogger(SystemGauges.class.getName());
    private static final long MAX_AGE_MS = 2000;

    /** The counts, from the VMAS (its system-wide call needs no administrator). */
    @EJB
    StatisticsService statistics;

    @Inject
    MeterRegistry registry;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), 0, 0);

    /** One reading of the counts. */
    public record Snapshot(Map<String, Long> vms, Map<String, Long> hosts, long connectedUsers, long readAt) {}

    /**
     * Registers through {@code gauge(name, tags, ...)} and {@code counter(name, tags)}: WildFly's
     * per-deployment registry forwards only these to the Prometheus registry (meters built with
     * {@code Gauge.builder(...).register(...)} would stay in the deployment's own registry).
     */
    void register(@Observes @Initialized(ApplicationScoped.class) Object start) {
        for (String state : VM_STATES) {
            registry.gauge(
                    "qvd.vms",
                    Tags.of("state", state),
                    this,
                    g -> g.current().vms().getOrDefault(state, 0L));
        }
        for (String state : HOST_STATES) {
            registry.gauge(
                    "qvd.hosts",
                    Tags.of("state", state),
                    this,
                    g -> g.current().hosts().getOrDefault(state, 0L));
        }
        registry.gauge(
                "qvd.users.connected", Tags.empty(), this, g -> g.current().connectedUsers());
        registry.counter(CONNECT_ATTEMPTS, Tags.empty());
        registry.counter(CONNECT_SUCCESSES, Tags.empty());
        for (String direction : List.of("in", "out")) {
            registry.counter(L7R_BYTES, Tags.of("direction", direction));
        }
    }

    public Snapshot current() {
        Snapshot s = snapshot;
        if (System.currentTimeMillis() - s.readAt() > MAX_AGE_MS) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    public double counter(String name) {
        Counter c = registry.find(name).counter();
        return c == null ? 0 : c.count();
    }

    private Snapshot read() {
        try {
            StatisticsDto s = statistics.systemWide();
            return new Snapshot(
                    WireNamed.byName(s.vms().byState()),
                    WireNamed.byName(s.hosts().byState()),
                    s.vms().connectedUsers(),
                    System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the counts for the metrics: {0}", e.getMessage());
            return new Snapshot(
                    snapshot.vms(), snapshot.hosts(), snapshot.connectedUsers(), System.currentTimeMillis());
        }
    }
}
