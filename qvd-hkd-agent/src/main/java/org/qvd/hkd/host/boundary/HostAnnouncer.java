package org.qvd.hkd.host.boundary;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.host.control.HostProbe;
import org.qvd.hkd.host.control.VmInventory;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.platform.Ticker;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.vm.VmReport;

/**
 * Tells the VMAS this host is there: a {@code HostRegistered} with every QVD domain found after each
 * (re)connection, then a {@code HostHeartbeat} every period with capacity and VMs.
 */
public final class HostAnnouncer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HostAnnouncer.class.getName());
    private static final String VERSION = versionOf(HostAnnouncer.class);

    private final HkdConfig config;
    private final String hostName;
    private final HostProbe probe;
    private final VmInventory inventory;
    private final EventSink events;
    private final String agentId = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReference<HostState> state = new AtomicReference<>(HostState.RUNNING);
    private final List<String> kinds;
    private final Ticker ticker;
    private Ticker.Ticking heartbeats;

    public HostAnnouncer(HkdConfig config, String hostName, HostProbe probe, VmInventory inventory, EventSink events) {
        this(config, hostName, probe, inventory, events, List.of("vm"));
    }

    /** @param kinds the desktop kinds this host runs (issue 17), told to the VMAS with every registration and beat */
    public HostAnnouncer(
            HkdConfig config,
            String hostName,
            HostProbe probe,
            VmInventory inventory,
            EventSink events,
            List<String> kinds) {
        this(config, hostName, probe, inventory, events, kinds, Ticker.system("hkd-heartbeat"));
    }

    /** @param ticker the clock heartbeats go by (tests move it by hand) */
    public HostAnnouncer(
            HkdConfig config,
            String hostName,
            HostProbe probe,
            VmInventory inventory,
            EventSink events,
            List<String> kinds,
            Ticker ticker) {
        this.ticker = ticker;
        this.kinds = List.copyOf(kinds);
        this.config = config;
        this.hostName = hostName;
        this.probe = probe;
        this.inventory = inventory;
        this.events = events;
    }

    /** Sends the registration; called after every (re)connection to the broker. */
    public void register() {
        List<VmReport> vms = inventory.vms();
        events.publish(new HostRegistered(
                hostName,
                null,
                agentId,
                VERSION,
                config.get(HkdConfig.LIBVIRT_URI),
                config.get(HkdConfig.DOMAIN_TYPE),
                config.get(HkdConfig.HEARTBEAT_PERIOD).toMillis(),
                probe.capacity(vms),
                vms,
                kinds));
        LOG.info(() -> "registered host " + hostName + " (" + String.join(", ", kinds) + ") with " + vms.size()
                + " VM(s): " + vms);
    }

    /** Starts the periodic heartbeats. */
    public synchronized void start() {
        heartbeats = ticker.every(config.get(HkdConfig.HEARTBEAT_PERIOD), this::beat);
    }

    /** The host state heartbeats report ({@code stopping} during a StopHost). */
    public void state(HostState newState) {
        state.set(newState);
    }

    public String agentId() {
        return agentId;
    }

    void beat() {
        try {
            // half a period at most for libvirt: a late heartbeat is still a heartbeat, a missing one a lost host
            List<VmReport> vms =
                    inventory.vms(config.get(HkdConfig.HEARTBEAT_PERIOD).dividedBy(2));
            events.publish(new HostHeartbeat(
                    hostName, null, agentId, sequence.incrementAndGet(), state.get(), probe.capacity(vms), vms, kinds));
        } catch (RuntimeException e) {
            // a failing probe must not end the schedule: the next beat tries again
            LOG.log(Level.WARNING, "heartbeat failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.close();
        }
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
