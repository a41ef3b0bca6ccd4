package org.qvd.vmas.directory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.SecretColumn;

/**
 * A tenant's user directory (LDAP or Active Directory). Its users log in as {@code name@tenant} with their directory
 * password; the VMAS keeps no password of theirs. Every change bumps {@link #getRevision() the revision}, so that
 * connections and cached lookups made with older settings are dropped.
 */
@Entity
@Table(name = "directory")
@NamedQuery(
        name = Directory.BY_TENANT_NAME,
        query = "SELECT d FROM Directory d JOIN FETCH d.tenant WHERE d.tenant.name = :tenant")
@NamedQuery(name = Directory.BY_TENANT, query = "SELECT d FROM Directory d WHERE d.tenant.id = :tenantId")
@NamedQuery(name = Directory.ALL, query = "SELECT d FROM Directory d JOIN FETCH d.tenant ORDER BY d.id")
public class Directory {

    public static final String BY_TENANT_NAME = "Directory.byTenantName";
    public static final String BY_TENANT = "Directory.byTenant";
    public static final String ALL = "Directory.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(name = "url", nullable = false, length = 512)
    private String url;

    @Column(name = "start_tls", nullable = false)
    private boolean startTls;

    @Column(name = "ca_pem", columnDefinition = "text")
    private String caPem;

    @Column(name = "bind_dn", length = 1024)
    private String bindDn;

    @Convert(converter = SecretColumn.class) // encrypted at rest with the installation's key
    @Column(name = "bind_secret", length = 1024)
    private String bindSecret;

    @Column(name = "user_base_dn", nullable = false, length = 1024)
    private String userBaseDn;

    @Column(name = "user_filter", nullable = false, length = 1024)
    private String userFilter;

    @Column(name = "group_base_dn", length = 1024)
    private String groupBaseDn;

    @Column(name = "group_filter", nullable = false, length = 1024)
    private String groupFilter;

    @Column(name = "required_group", length = 1024)
    private String requiredGroup;

    @Column(name = "local_users", nullable = false)
    private boolean localUsers = true;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "provision_osf_id")
    private Osf provisionOsf;

    @Column(name = "provision_tag", nullable = false, length = 64)
    private String provisionTag = "default";

    @Column(name = "cache_seconds", nullable = false)
    private int cacheSeconds = 30;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    /** Group name → OSF id of the VM a member gets; the first matching group in name order wins. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "directory_group_osf", joinColumns = @JoinColumn(name = "directory_id"))
    @MapKeyColumn(name = "group_name")
    @Column(name = "osf_id")
    private Map<String, Long> groupOsfs = new TreeMap<>();

    protected Directory() {}

    public Directory(Tenant tenant, DirectorySettings settings) {
        this.tenant = tenant;
        apply(settings);
        this.revision = 0;
    }

    /** Replaces every setting (the bind secret only when the settings carry one) and bumps the revision. */
    public void apply(DirectorySettings s) {
        url = s.url();
        startTls = s.startTls();
        caPem = s.caPem();
        bindDn = s.bindDn();
        if (s.bindSecret() != null) {
            bindSecret = s.bindSecret().isEmpty() ? null : s.bindSecret();
        }
        userBaseDn = s.userBaseDn();
        userFilter = s.userFilter();
        groupBaseDn = s.groupBaseDn();
        groupFilter = s.groupFilter();
        requiredGroup = s.requiredGroup();
        localUsers = s.localUsers();
        provisionTag = s.provisionTag();
        cacheSeconds = s.cacheSeconds();
        enabled = s.enabled();
        groupOsfs.clear();
        groupOsfs.putAll(s.groupOsfs());
        revision++;
    }

    public void provisionWith(Osf osf) {
        this.provisionOsf = osf;
    }

    /** What the connection code needs, detached from JPA (it may outlive the transaction). */
    public DirectorySettings settings() {
        return new DirectorySettings(
                url,
                startTls,
                caPem,
                bindDn,
                bindSecret,
                userBaseDn,
                userFilter,
                groupBaseDn,
                groupFilter,
                requiredGroup,
                localUsers,
                provisionOsf == null ? null : provisionOsf.getId(),
                provisionTag,
                cacheSeconds,
                enabled,
                new TreeMap<>(groupOsfs));
    }

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isLocalUsers() {
        return localUsers;
    }

    public int getRevision() {
        return revision;
    }

    public boolean hasBindSecret() {
        return bindSecret != null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
