package org.qvd.vmas.config.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One configured value; tenantId null = global (every tenant falls back to it). */
@Entity
@Table(name = "config")
@NamedQuery(name = ConfigEntry.GLOBAL, query = "SELECT c FROM ConfigEntry c WHERE c.tenantId IS NULL AND c.key = :key")
@NamedQuery(
        name = ConfigEntry.OF_TENANT,
        query = "SELECT c FROM ConfigEntry c WHERE c.tenantId = :tenantId AND c.key = :key")
@NamedQuery(
        name = ConfigEntry.ALL_FOR_TENANT,
        query = "SELECT c FROM ConfigEntry c "
                + "WHERE c.tenantId IS NULL OR c.tenantId = :tenantId ORDER BY c.key, c.tenantId NULLS FIRST")
public class ConfigEntry {

    public static final String GLOBAL = "ConfigEntry.global";
    public static final String OF_TENANT = "ConfigEntry.ofTenant";
    public static final String ALL_FOR_TENANT = "ConfigEntry.allForTenant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "key", nullable = false, length = 128)
    private String key;

    @Column(name = "value", nullable = false, length = 4096)
    private String value;

    protected ConfigEntry() {}

    public ConfigEntry(Long tenantId, String key, String value) {
        this.tenantId = tenantId;
        this.key = key;
        this.value = value;
    }

    public void change(String newValue) {
        this.value = newValue;
    }

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }
}
