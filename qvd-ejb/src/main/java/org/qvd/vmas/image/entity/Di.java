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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** One versioned image file of an OSF. Tags are changed only through {@link TagRules}. */
@Entity
@Table(name = "di")
@NamedQuery(
        name = Di.COUNT_BY_VERSION,
        query = "SELECT COUNT(d) FROM Di d WHERE d.osf.id = :osfId AND d.version = :version")
@NamedQuery(name = Di.COUNT_BY_PATH, query = "SELECT COUNT(d) FROM Di d WHERE d.path = :path")
public class Di {

    public static final String COUNT_BY_VERSION = "Di.countByVersion";
    public static final String COUNT_BY_PATH = "Di.countByPath";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "osf_id")
    private Osf osf;

    @Column(name = "version", nullable = false, length = 64)
    private String version;

    @Column(name = "path", nullable = false, length = 1024)
    private String path;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    // no orphanRemoval: a moved tag changes its DI (an UPDATE), a deleted tag is removed explicitly
    @OneToMany(
            mappedBy = "di",
            cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<DiTag> tags = new ArrayList<>();

    protected Di() {}

    Di(Osf osf, String version, String path, String description) {
        this.osf = osf;
        this.version = version;
        this.path = path;
        this.description = description;
    }

    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.getTag().equals(tag));
    }

    Optional<DiTag> tag(String tag) {
        return tags.stream().filter(t -> t.getTag().equals(tag)).findFirst();
    }

    List<DiTag> tags() {
        return tags;
    }

    public void block() {
        this.blocked = true;
    }

    public void unblock() {
        this.blocked = false;
    }

    public void describe(String text) {
        this.description = text;
    }

    public Long getId() {
        return id;
    }

    public Osf getOsf() {
        return osf;
    }

    public String getVersion() {
        return version;
    }

    public String getPath() {
        return path;
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

    /** Tag names, sorted. */
    public TreeSet<String> getTagNames() {
        TreeSet<String> names = new TreeSet<>();
        tags.forEach(t -> names.add(t.getTag()));
        return names;
    }
}
