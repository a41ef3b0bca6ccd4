package org.qvd.vmas.image.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * An OS flavour: a desktop type's kind (VM or container), memory, overlay and home size. It owns its disk images
 * and therefore the tag rules (tags are unique within an OSF; see {@link TagRules}).
 */
@Entity
@Table(name = "osf")
@NamedQuery(
        name = Osf.COUNT_BY_NAME,
        query = "SELECT COUNT(o) FROM Osf o WHERE o.tenant.id = :tenantId AND o.name = :name")
public class Osf {

    public static final String COUNT_BY_NAME = "Osf.countByName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "memory_mb", nullable = false)
    private int memoryMb;

    @Column(name = "use_overlay", nullable = false)
    private boolean useOverlay = true;

    @Column(name = "user_storage_mb", nullable = false)
    private int userStorageMb;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "kind", nullable = false, length = 16)
    private DesktopKind kind = DesktopKind.VM;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @OneToMany(mappedBy = "osf", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Di> dis = new ArrayList<>();

    protected Osf() {}

    public Osf(Tenant tenant, String name, int memoryMb, boolean useOverlay, int userStorageMb, String description) {
        this.tenant = tenant;
        this.name = name;
        this.description = description;
        reconfigure(memoryMb, useOverlay, userStorageMb);
    }

    public void reconfigure(int newMemoryMb, boolean overlay, int newUserStorageMb) {
        if (newMemoryMb <= 0 || newUserStorageMb < 0) {
            throw new InvalidInputException(ImageError.OSF_INVALID, "memory must be > 0 MB and user storage >= 0 MB");
        }
        this.memoryMb = newMemoryMb;
        this.useOverlay = overlay;
        this.userStorageMb = newUserStorageMb;
    }

    /**
     * A VM's disk image is a qcow2, a container's a root file system archive: the kind changes only while the OSF has
     * no disk image, so no DI is ever started as the wrong kind.
     */
    public void changeKind(DesktopKind newKind) {
        if (newKind == null || newKind == kind) {
            return;
        }
        if (!dis.isEmpty()) {
            throw new InvalidInputException(
                    ImageError.OSF_KIND_IN_USE,
                    "OSF '" + name + "' has " + dis.size() + " disk image(s) of kind " + kind.wireName()
                            + "; its kind can only change while it has none");
        }
        this.kind = newKind;
    }

    public void rename(String newName, String newDescription) {
        this.name = newName;
        this.description = newDescription;
    }

    /** The DI a tag picks, if any. */
    public Optional<Di> resolve(String tag) {
        return dis.stream().filter(d -> d.hasTag(tag)).findFirst();
    }

    /** The DI the tag picks if it is usable (not blocked). */
    public Optional<Di> resolveUsable(String tag) {
        return resolve(tag).filter(d -> !d.isBlocked());
    }

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public DesktopKind getKind() {
        return kind;
    }

    public int getMemoryMb() {
        return memoryMb;
    }

    public boolean isUseOverlay() {
        return useOverlay;
    }

    public int getUserStorageMb() {
        return userStorageMb;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The OSF's DIs, oldest first (read-only view). */
    public List<Di> getDis() {
        return List.copyOf(dis);
    }

    List<Di> dis() {
        return dis;
    }
}
