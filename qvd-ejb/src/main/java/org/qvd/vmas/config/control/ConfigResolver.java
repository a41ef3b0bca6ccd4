package org.qvd.vmas.config.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qvd.vmas.config.entity.ConfigEntry;
import org.qvd.vmas.config.entity.ConfigKey;
import org.qvd.vmas.config.entity.ConfigKeyProvider;

/** Reads configuration for services (no ACL): the tenant's value, else the global one, else the default. */
@ApplicationScoped
public class ConfigResolver {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    Instance<ConfigKeyProvider> providers;

    public <T> T get(Long tenantId, ConfigKey<T> key) {
        return raw(tenantId, key.name()).map(key::parse).orElse(key.defaultValue());
    }

    /** The stored value for the key: tenant row first, then the global row. */
    public Optional<String> raw(Long tenantId, String key) {
        if (tenantId != null) {
            Optional<ConfigEntry> own = entry(tenantId, key);
            if (own.isPresent()) {
                return own.map(ConfigEntry::getValue);
            }
        }
        return entry(null, key).map(ConfigEntry::getValue);
    }

    public Optional<ConfigEntry> entry(Long tenantId, String key) {
        List<ConfigEntry> rows = tenantId == null
                ? em.createNamedQuery(ConfigEntry.GLOBAL, ConfigEntry.class)
                        .setParameter("key", key)
                        .getResultList()
                : em.createNamedQuery(ConfigEntry.OF_TENANT, ConfigEntry.class)
                        .setParameter("tenantId", tenantId)
                        .setParameter("key", key)
                        .getResultList();
        return rows.stream().findFirst();
    }

    /** Every key some component declares, by name. */
    public Map<String, ConfigKey<?>> catalogue() {
        Map<String, ConfigKey<?>> all = new TreeMap<>();
        for (ConfigKeyProvider p : providers) {
            p.keys().forEach(k -> all.put(k.name(), k));
        }
        return all;
    }
}
