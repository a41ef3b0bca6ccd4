package org.qvd.vmas.vm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.qvd.protocol.state.XState;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.image.entity.Di;

/**
 * Where and how a VM runs. Every change goes through a method that checks the state machine of
 * {@link VmState} / {@link UserState}; an invalid transition throws {@link VmStateException} and
 * changes nothing. Optimistic locking guards against two nodes changing it at once.
 */
@Entity
@Table(name = "vm_runtime")
public class VmRuntime {

    @Id
    @Column(name = "vm_id")
    private Long vmId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "vm_id")
    private Vm vm;

    @Column(name = "state", nullable = false, length = 16)
    private VmState state = VmState.STOPPED;

    @Column(name = "state_ts", nullable = false)
    private Instant stateTs = Instant.now();

    @Column(name = "pending_cmd", length = 16)
    private VmCommand pendingCommand;

    @ManyToOne
    @JoinColumn(name = "host_id")
    private Host host;

    @Column(name = "address", length = 45)
    private String address;

    @Column(name = "vma_port")
    private Integer vmaPort;

    @Column(name = "x_port")
    private Integer xPort;

    @Column(name = "ssh_port")
    private Integer sshPort;

    @ManyToOne
    @JoinColumn(name = "current_di_id")
    private Di currentDi;

    @Column(name = "user_state", nullable = false, length = 16)
    private UserState userState = UserState.DISCONNECTED;

    @Column(name = "user_state_ts", nullable = false)
    private Instant userStateTs = Instant.now();

    @Column(name = "user_cmd", length = 16)
    private UserCommand userCommand;

    @Column(name = "x_state", length = 16)
    private XState xState;

    @Column(name = "x_state_ts")
    private Instant xStateTs;

    @Column(name = "last_failure", length = 1024)
    private String lastFailure;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    /** The VMA key of the current start (64 hex chars), null while stopped. A secret: never in a DTO or a log. */
    @Column(name = "vma_key", length = 64)
    private String vmaKey;

    /** The correlation id of the StartVm in flight (null when none): a copy sent again carries the same one. */
    @Column(name = "start_cmd_id", length = 36)
    private String startCommandId;

    @Column(name = "start_sent_at")
    private Instant startSentAt;

    /** When the host first showed it had the start (listed the VM or reported on it); null: not yet. */
    @Column(name = "start_taken_at")
    private Instant startTakenAt;

    @Embedded
    private LastConnection lastConnection; // null (all columns null) until a first tunnel opened

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VmRuntime() {}

    VmRuntime(Vm vm) {
        this.vm = vm;
    }

    /** Admin request: only a stopped VM starts; it becomes {@code starting} until a host reports. */
    public VmStateHistory requestStart(Instant now) {
        if (state != VmState.STOPPED) {
            throw new VmStateException(
                    "VM '" + vm.getName() + "' can only be started when stopped; it is " + wire(state));
        }
        VmStateHistory h = moveTo(VmState.STARTING, "start requested", now);
        pendingCommand = VmCommand.START;
        lastFailure = null;
        lastFailureAt = null;
        return h;
    }

    /** Admin request: a starting, running or debugging VM moves to {@code stopping}. */
    public VmStateHistory requestStop(Instant now) {
        if (state != VmState.STARTING && state != VmState.RUNNING && state != VmState.DEBUGGING) {
            throw new VmStateException("VM '" + vm.getName()
                    + "' can only be stopped when starting, running or debugging; it is " + wire(state));
        }
        VmStateHistory h = moveTo(VmState.STOPPING, "stop requested", now);
        pendingCommand = VmCommand.STOP;
        return h;
    }

    /** A host took the VM: records where it runs (while starting) and the VMA key this start hands it. */
    public void placeOn(Host target, Di di, String key, Instant now) {
        if (state != VmState.STARTING) {
            throw new VmStateException(
                    "VM '" + vm.getName() + "' can only be placed on a host while starting; it is " + wire(state));
        }
        this.host = target;
        this.currentDi = di;
        this.vmaKey = key;
        this.stateTs = now;
    }

    /** The StartVm of this placement left with that correlation id (also when sent again). */
    public void startSent(String correlationId, Instant now) {
        this.startCommandId = correlationId;
        this.startSentAt = now;
    }

    /** The host showed it has the start: the VMAS stops sending it again. */
    public void startTaken(Instant now) {
        if (state == VmState.STARTING && startTakenAt == null) {
            startTakenAt = now;
        }
    }

    public String getStartCommandId() {
        return startCommandId;
    }

    public Instant getStartSentAt() {
        return startSentAt;
    }

    /** The VM's agent answers: {@code running}, with its address and ports. */
    public VmStateHistory running(String vmAddress, Integer vma, Integer x, Integer ssh, Instant now) {
        VmStateHistory h = moveTo(VmState.RUNNING, null, now);
        this.address = vmAddress;
        this.vmaPort = vma;
        this.xPort = x;
        this.sshPort = ssh;
        this.pendingCommand = null;
        forgetStart();
        return h;
    }

    /** Any other transition reported by a host (debugging, stopping, stopped, zombie). */
    public VmStateHistory moveTo(VmState target, String reason, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new VmStateException(
                    "VM '" + vm.getName() + "' cannot go from " + wire(state) + " to " + wire(target));
        }
        VmStateHistory h = new VmStateHistory(vm, state, target, host == null ? null : host.getId(), reason, now);
        this.state = target;
        this.stateTs = now;
        if (target == VmState.STOPPING || target == VmState.STOPPED || target == VmState.ZOMBIE) {
            forceDisconnected(now);
        }
        if (target == VmState.STOPPED) {
            clearPlacement(reason);
        }
        return h;
    }

    private void clearPlacement(String reason) {
        if (pendingCommand == VmCommand.START && reason != null) {
            lastFailure = reason;
            lastFailureAt = stateTs;
        }
        host = null;
        address = null;
        vmaPort = null;
        xPort = null;
        sshPort = null;
        currentDi = null;
        vmaKey = null;
        pendingCommand = null;
        forgetStart();
        xState = null;
        xStateTs = null;
        vm.clearExpirations();
    }

    private void forgetStart() {
        startCommandId = null;
        startSentAt = null;
        startTakenAt = null;
    }

    /** The L7R begins connecting the user (also a takeover of a connected session). */
    public void userConnecting(Instant now) {
        if (state == VmState.STOPPING || state == VmState.ZOMBIE) {
            throw new VmStateException("a user cannot connect to VM '" + vm.getName() + "' while it is " + wire(state));
        }
        moveUser(UserState.CONNECTING, now);
    }

    /** The user's session is up; the VM must be running. */
    public void userConnected(Instant now) {
        if (state != VmState.RUNNING) {
            throw new VmStateException(
                    "a user can only be connected to a running VM; '" + vm.getName() + "' is " + wire(state));
        }
        moveUser(UserState.CONNECTED, now);
    }

    public void userDisconnected(Instant now) {
        moveUser(UserState.DISCONNECTED, now);
    }

    /** The L7R's accounting of the last client connection (see {@link LastConnection}). */
    public void recordConnection(LastConnection connection) {
        this.lastConnection = connection;
    }

    public LastConnection getLastConnection() {
        return lastConnection;
    }

    /** Admin request to disconnect the user: only while connecting or connected. */
    public void requestDisconnect() {
        if (userState == UserState.DISCONNECTED) {
            throw new VmStateException("no user is connected to VM '" + vm.getName() + "'");
        }
        userCommand = UserCommand.ABORT;
    }

    /** The X session state the VMA reports; only meaningful while the VM is on a host. */
    public void xState(XState reported, Instant now) {
        if (!state.onHost()) {
            throw new VmStateException("VM '" + vm.getName() + "' is stopped: no X session state to record");
        }
        this.xState = reported;
        this.xStateTs = now;
    }

    private void moveUser(UserState target, Instant now) {
        if (!userState.canMoveTo(target)) {
            throw new VmStateException(
                    "user of VM '" + vm.getName() + "' cannot go from " + wire(userState) + " to " + wire(target));
        }
        userState = target;
        userStateTs = now;
        if (target == UserState.DISCONNECTED) {
            userCommand = null;
        }
    }

    private void forceDisconnected(Instant now) {
        if (userState != UserState.DISCONNECTED) {
            userState = UserState.DISCONNECTED;
            userStateTs = now;
        }
        userCommand = null;
    }

    static String wire(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The secret the VM's agent demands of every call while this start lasts; null when stopped. */
    public String vmaKey() {
        return vmaKey;
    }

    public Vm getVm() {
        return vm;
    }

    public VmState getState() {
        return state;
    }

    public Instant getStateTs() {
        return stateTs;
    }

    public VmCommand getPendingCommand() {
        return pendingCommand;
    }

    public Host getHost() {
        return host;
    }

    public String getAddress() {
        return address;
    }

    public Integer getVmaPort() {
        return vmaPort;
    }

    public Integer getXPort() {
        return xPort;
    }

    public Integer getSshPort() {
        return sshPort;
    }

    public Di getCurrentDi() {
        return currentDi;
    }

    public UserState getUserState() {
        return userState;
    }

    public Instant getUserStateTs() {
        return userStateTs;
    }

    public UserCommand getUserCommand() {
        return userCommand;
    }

    public XState getXState() {
        return xState;
    }

    public Instant getXStateTs() {
        return xStateTs;
    }

    public String getLastFailure() {
        return lastFailure;
    }

    /** When the last start failed (with {@link #getLastFailure()}); both cleared when a new start is requested. */
    public Instant getLastFailureAt() {
        return lastFailureAt;
    }

    public long getVersion() {
        return version;
    }
}
