package org.qvd.vmas.image.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A tag on a DI; {@code fixed} for the version tag. The OSF is repeated so the database keeps tags unique per OSF. */
@Entity
@Table(name = "di_tag")
public class DiTag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "di_id")
    private Di di;

    @ManyToOne(optional = false)
    @JoinColumn(name = "osf_id")
    private Osf osf;

    @Column(name = "tag", nullable = false, length = 64)
    private String tag;

    @Column(name = "fixed", nullable = false)
    private boolean fixed;

    protected DiTag() {}

    DiTag(Di di, String tag, boolean fixed) {
        this.di = di;
        this.osf = di.getOsf();
        this.tag = tag;
        this.fixed = fixed;
    }

    void moveTo(Di target) {
        this.di = target;
    }

    public Long getId() {
        return id;
    }

    public Di getDi() {
        return di;
    }

    public String getTag() {
        return tag;
    }

    public boolean isFixed() {
        return fixed;
    }
}
