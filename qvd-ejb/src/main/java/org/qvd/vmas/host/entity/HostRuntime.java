package org.qvd.vmas.host.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.qvd.protocol.state.DesktopKind;

/** A host's state, last heartbeat and capacity, as its HKD reports them. */
@Entity
@Table(name = "host_runtime")
public class HostRuntime {

    @Id
    @Column(name = "host_id")
    private Long hostId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "host_id")
    private Host host;

    @Column(name = "state", nullable = false, length = 16)
    private HostState state = HostState.STOPPED;

    @Column(name = "state_ts", nullable = false)
    private Instant stateTs = Instant.now();

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "usable_ram_mb")
    private Long usableRamMb;

    @Column(name = "usable_cpu")
    private Integer usableCpu;

    @Column(name = "load")
    private Double load;

    /** Comma-separated wire names of the desktop kinds the host's agent offers (issue 17). */
    @Column(name = "kinds", nullable = false, length = 64)
    private String kinds = DesktopKind.VM.wireName();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected HostRuntime() {}

    HostRuntime(Host host) {
        this.host = host;
    }

    public void moveTo(HostState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new HostStateException("host '" + host.getName() + "' cannot go from "
                    + state.name().toLowerCase(java.util.Locale.ROOT) + " to "
                    + target.name().toLowerCase(java.util.Locale.ROOT));
        }
        state = target;
        stateTs = now;
    }

    /**
     * A heartbeat: a stopped/starting/lost host that beats is running again. A stopping host stays stopping
     * (its agent beats while it stops its VMs) but is still alive, so the loss detector leaves it alone.
     */
    public void heartbeat(Instant at, Long ramMb, Integer cpus, Double currentLoad) {
        if (state != HostState.RUNNING && state != HostState.STOPPING) {
            moveTo(HostState.RUNNING, at);
        }
        heartbeatAt = at;
        usableRamMb = ramMb;
        usableCpu = cpus;
        load = currentLoad;
    }

    /**
     * What the host's agent says it runs. Heartbeats repeat it, so an agent reconfigured and restarted is believed at
     * once. Nothing known (an agent offering only kinds newer than this VMAS) offers nothing.
     */
    public void offer(List<DesktopKind> offered) {
        String joined = offered.stream().map(DesktopKind::wireName).collect(Collectors.joining(","));
        if (!joined.equals(kinds)) {
            kinds = joined;
        }
    }

    /** Whether new desktops of this kind may be placed here (given the host accepts any). */
    public boolean offers(DesktopKind kind) {
        return getKinds().contains(kind);
    }

    public List<DesktopKind> getKinds() {
        return kinds.isEmpty() ? List.of() : DesktopKind.known(List.of(kinds.split(",")));
    }

    /** Admin request: only a running host can be stopped; it is {@code stopping} until its agent reports. */
    public void requestStop(Instant now) {
        if (state != HostState.RUNNING) {
            throw new HostStateException(
                    HostError.NOT_RUNNING,
                    "host '" + host.getName() + "' can only be stopped when running; it is "
                            + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        moveTo(HostState.STOPPING, now);
    }

    public Host getHost() {
        return host;
    }

    public HostState getState() {
        return state;
    }

    public Instant getStateTs() {
        return stateTs;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public Long getUsableRamMb() {
        return usableRamMb;
    }

    public Integer getUsableCpu() {
        return usableCpu;
    }

    public Double getLoad() {
        return load;
    }

    public long getVersion() {
        return version;
    }
}
