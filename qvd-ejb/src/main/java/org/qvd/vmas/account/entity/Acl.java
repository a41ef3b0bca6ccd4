package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A permission named {@code <object>.<verb>[.<detail>]}; seeded by migrations, read-only. */
@Entity
@Table(name = "acl")
@NamedQuery(name = Acl.ALL, query = "SELECT a FROM Acl a ORDER BY a.name")
@NamedQuery(name = Acl.BY_NAMES, query = "SELECT a FROM Acl a WHERE a.name IN :names")
public class Acl {

    public static final String ALL = "Acl.all";
    public static final String BY_NAMES = "Acl.byNames";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 1024)
    private String description;

    protected Acl() {}

    public Acl(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
