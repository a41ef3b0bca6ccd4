package org.qvd.vmas.vm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state change of a VM, kept for admins. */
@Entity
@Table(name = "vm_state_history")
@NamedQuery(
        name = VmStateHistory.BY_VM,
        query = "SELECT h FROM VmStateHistory h WHERE h.vm.id = :vmId ORDER BY h.at DESC, h.id DESC")
public class VmStateHistory {

    public static final String BY_VM = "VmStateHistory.byVm";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "vm_id")
    private Vm vm;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "from_state", nullable = false, length = 16)
    private VmState fromState;

    @Column(name = "to_state", nullable = false, length = 16)
    private VmState toState;

    @Column(name = "host_id")
    private Long hostId;

    @Column(name = "reason", length = 1024)
    private String reason;

    protected VmStateHistory() {}

    VmStateHistory(Vm vm, VmState from, VmState to, Long hostId, String reason, Instant at) {
        this.vm = vm;
        this.fromState = from;
        this.toState = to;
        this.hostId = hostId;
        this.reason = reason;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Vm getVm() {
        return vm;
    }

    public Instant getAt() {
        return at;
    }

    public VmState getFromState() {
        return fromState;
    }

    public VmState getToState() {
        return toState;
    }

    public Long getHostId() {
        return hostId;
    }

    public String getReason() {
        return reason;
    }
}
