package org.qvd.vmas.vm.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.image.entity.Osf;

/**
 * A user's virtual desktop: an OSF plus a tag (the DI is resolved at every start) and a fixed IP.
 * A blocked VM cannot be started; only a stopped VM can be deleted.
 */
@Entity
@Table(name = "vm")
@NamedQuery(name = Vm.USED_IPS, query = "SELECT v.ip FROM Vm v")
@NamedQuery(name = Vm.COUNT_BY_IP, query = "SELECT COUNT(v) FROM Vm v WHERE v.ip = :ip")
@NamedQuery(name = Vm.COUNT_BY_NAME, query = "SELECT COUNT(v) FROM Vm v WHERE v.user.id = :userId AND v.name = :name")
@NamedQuery(
        name = Vm.BY_USER,
        query = "SELECT v FROM Vm v JOIN FETCH v.runtime WHERE v.user.id = :userId ORDER BY v.id")
@NamedQuery(name = Vm.COUNT_BY_USER, query = "SELECT COUNT(v) FROM Vm v WHERE v.user.id = :userId")
@NamedQuery(name = Vm.COUNT_BY_OSF, query = "SELECT COUNT(v) FROM Vm v WHERE v.osf.id = :osfId")
@NamedQuery(name = Vm.COUNT_ON_HOST, query = "SELECT COUNT(r) FROM VmRuntime r WHERE r.host.id = :hostId")
@NamedQuery(name = Vm.COUNT_RUNNING_DI, query = "SELECT COUNT(r) FROM VmRuntime r WHERE r.currentDi.id = :diId")
public class Vm {

    public static final String USED_IPS = "Vm.usedIps";
    public static final String COUNT_BY_IP = "Vm.countByIp";
    public static final String COUNT_BY_NAME = "Vm.countByName";
    public static final String BY_USER = "Vm.byUser";
    public static final String COUNT_BY_USER = "Vm.countByUser";
    public static final String COUNT_BY_OSF = "Vm.countByOsf";
    public static final String COUNT_ON_HOST = "Vm.countOnHost";
    public static final String COUNT_RUNNING_DI = "Vm.countRunningDi";
    public static final String DEFAULT_TAG = "default";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "osf_id")
    private Osf osf;

    @Column(name = "di_tag", nullable = false, length = 64)
    private String diTag = DEFAULT_TAG;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "ip", nullable = false, length = 45)
    private String ip;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "expiration_soft")
    private Instant expirationSoft;

    @Column(name = "expiration_hard")
    private Instant expirationHard;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @OneToOne(mappedBy = "vm", cascade = CascadeType.ALL, optional = false)
    private VmRuntime runtime;

    protected Vm() {}

    public Vm(AppUser user, Osf osf, String name, String diTag, String ip, String description) {
        if (!user.getTenant().getId().equals(osf.getTenant().getId())) {
            throw new org.qvd.vmas.platform.error.InvalidInputException(
                    VmError.OSF_OTHER_TENANT, "the OSF belongs to another tenant than the user");
        }
        this.user = user;
        this.osf = osf;
        this.name = name;
        this.diTag = diTag == null || diTag.isBlank() ? DEFAULT_TAG : diTag;
        this.ip = ip;
        this.description = description;
        this.runtime = new VmRuntime(this);
    }

    /** Admin start: a blocked VM is refused before the state machine is asked. */
    public VmStateHistory start(Instant now) {
        if (blocked) {
            throw new VmStateException(VmError.BLOCKED, "VM '" + name + "' is blocked");
        }
        return runtime.requestStart(now);
    }

    public void checkDeletable() {
        if (runtime.getState() != VmState.STOPPED) {
            throw new VmStateException(
                    "VM '" + name + "' can only be deleted when stopped; it is " + VmRuntime.wire(runtime.getState()));
        }
    }

    public void block() {
        this.blocked = true;
    }

    public void unblock() {
        this.blocked = false;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void describe(String text) {
        this.description = text;
    }

    /** The tag picks the DI at the next start. */
    public void useTag(String tag) {
        this.diTag = tag == null || tag.isBlank() ? DEFAULT_TAG : tag;
    }

    /** The IP for the next boot (the runtime keeps the one in use). */
    public void assignIp(String newIp) {
        this.ip = newIp;
    }

    public void expire(Instant soft, Instant hard) {
        if (soft != null && hard != null && hard.isBefore(soft)) {
            throw new org.qvd.vmas.platform.error.InvalidInputException(
                    VmError.EXPIRATION_INVALID, "the hard expiration cannot come before the soft one");
        }
        this.expirationSoft = soft;
        this.expirationHard = hard;
    }

    void clearExpirations() {
        this.expirationSoft = null;
        this.expirationHard = null;
    }

    public Long getId() {
        return id;
    }

    public AppUser getUser() {
        return user;
    }

    public Osf getOsf() {
        return osf;
    }

    public String getDiTag() {
        return diTag;
    }

    public String getName() {
        return name;
    }

    public String getIp() {
        return ip;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public String getDescription() {
        return description;
    }

    public Instant getExpirationSoft() {
        return expirationSoft;
    }

    public Instant getExpirationHard() {
        return expirationHard;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public VmRuntime getRuntime() {
        return runtime;
    }
}
