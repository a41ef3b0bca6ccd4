package org.qvd.vmas.host.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A hypervisor node running an HKD. Hosts are shared infrastructure: only superadmins change them. */
@Entity
@Table(name = "host")
@NamedQuery(name = Host.COUNT_BY_NAME, query = "SELECT COUNT(h) FROM Host h WHERE h.name = :name")
@NamedQuery(name = Host.COUNT_BY_ADDRESS, query = "SELECT COUNT(h) FROM Host h WHERE h.address = :address")
@NamedQuery(name = Host.BY_NAME, query = "SELECT h FROM Host h WHERE h.name = :name")
public class Host {

    public static final String COUNT_BY_NAME = "Host.countByName";
    public static final String COUNT_BY_ADDRESS = "Host.countByAddress";
    public static final String BY_NAME = "Host.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "address", nullable = false, length = 255)
    private String address;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @OneToOne(mappedBy = "host", cascade = CascadeType.ALL, optional = false)
    private HostRuntime runtime;

    protected Host() {}

    public Host(String name, String address, String description) {
        this.name = name;
        this.address = address;
        this.description = description;
        this.runtime = new HostRuntime(this);
    }

    /** Only a host that runs nothing may go: stopped or lost. */
    public void checkDeletable() {
        HostState s = runtime.getState();
        if (s != HostState.STOPPED && s != HostState.LOST) {
            throw new HostStateException("host '" + name + "' can only be deleted when stopped or lost; it is "
                    + s.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Whether new VMs may be placed here. */
    public boolean acceptsVms() {
        return !blocked && runtime.getState() == HostState.RUNNING;
    }

    public void block() {
        this.blocked = true;
    }

    public void unblock() {
        this.blocked = false;
    }

    public void change(String newName, String newAddress, String newDescription) {
        this.name = newName;
        this.address = newAddress;
        this.description = newDescription;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public HostRuntime getRuntime() {
        return runtime;
    }
}
