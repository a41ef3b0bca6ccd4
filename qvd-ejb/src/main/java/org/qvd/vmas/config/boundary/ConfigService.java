package org.qvd.vmas.config.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.config.entity.ConfigEntry;
import org.qvd.vmas.config.entity.ConfigError;
import org.qvd.vmas.config.entity.ConfigKey;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;

/**
 * Configuration: a tenant's value overrides the global one (tenantId null), which overrides the
 * catalogued default. Tenant admins read and change their own tenant's values; only superadmins
 * change global values.
 */
@Stateless
@RequiresAcl
public class ConfigService {

    static final String KEY = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver resolver;

    /** The effective value of one key for a tenant (null = the caller's tenant; superadmins: null = global). */
    @RequiresAcl("config.see")
    public ConfigDto get(Long tenantId, @NotBlank String key) {
        Long tenant = tenantOf(tenantId);
        ConfigKey<?> known = resolver.catalogue().get(key);
        Optional<ConfigDto> dto = describe(tenant, key, known);
        return dto.orElseThrow(() -> new NotFoundException(ConfigError.NOT_FOUND, key));
    }

    /** Every catalogued key plus every stored one, as they apply to the tenant. */
    @RequiresAcl("config.see")
    public List<ConfigDto> list(Long tenantId) {
        Long tenant = tenantOf(tenantId);
        Map<String, ConfigKey<?>> catalogue = resolver.catalogue();
        TreeSet<String> keys = new TreeSet<>(catalogue.keySet());
        em.createNamedQuery(ConfigEntry.ALL_FOR_TENANT, ConfigEntry.class)
                .setParameter("tenantId", tenant == null ? -1L : tenant)
                .getResultList()
                .forEach(e -> keys.add(e.getKey()));
        List<ConfigDto> out = new ArrayList<>();
        keys.forEach(k -> describe(tenant, k, catalogue.get(k)).ifPresent(out::add));
        return out;
    }

    /** Sets a value for a tenant (or globally, tenantId null, superadmins only); typed keys are checked. */
    @RequiresAcl("config.update")
    @Audited(value = "config.set", objectType = "config")
    public ConfigDto set(
            Long tenantId, @NotBlank @Pattern(regexp = KEY) String key, @NotNull @Size(max = 4096) String value) {
        Long tenant = tenantOf(tenantId);
        ConfigKey<?> known = resolver.catalogue().get(key);
        if (known != null) {
            known.parse(value);
        }
        Optional<ConfigEntry> existing = resolver.entry(tenant, key);
        if (existing.isPresent()) {
            existing.get().change(value);
        } else {
            em.persist(new ConfigEntry(tenant, key, value));
        }
        return describe(tenant, key, known).orElseThrow();
    }

    /** Removes the tenant's (or global) value, so the next level applies again. */
    @RequiresAcl("config.update")
    @Audited(value = "config.delete", objectType = "config")
    public ConfigDto delete(Long tenantId, @NotBlank String key) {
        Long tenant = tenantOf(tenantId);
        ConfigEntry entry =
                resolver.entry(tenant, key).orElseThrow(() -> new NotFoundException(ConfigError.NOT_FOUND, key));
        em.remove(entry);
        em.flush();
        return describe(tenant, key, resolver.catalogue().get(key))
                .orElse(new ConfigDto(key, null, "unset", null, null, null));
    }

    /** Superadmins choose (null = global); other admins always act on their own tenant. */
    private static Long tenantOf(Long requested) {
        Caller caller = CurrentCaller.get();
        if (caller.superadmin()) {
            return requested;
        }
        if (requested != null && requested != caller.tenantId()) {
            throw new NotFoundException(PlatformError.TENANT_NOT_FOUND, requested);
        }
        return caller.tenantId();
    }

    private Optional<ConfigDto> describe(Long tenant, String key, ConfigKey<?> known) {
        Optional<ConfigEntry> own = tenant == null ? Optional.empty() : resolver.entry(tenant, key);
        Optional<ConfigEntry> global = resolver.entry(null, key);
        String type = known == null ? null : known.type().getSimpleName();
        String dflt = known == null || known.defaultValue() == null ? null : String.valueOf(known.defaultValue());
        String description = known == null ? null : known.description();
        if (own.isPresent()) {
            return Optional.of(new ConfigDto(key, own.get().getValue(), "tenant", type, dflt, description));
        }
        if (global.isPresent()) {
            return Optional.of(new ConfigDto(key, global.get().getValue(), "global", type, dflt, description));
        }
        return known == null
                ? Optional.empty()
                : Optional.of(new ConfigDto(key, dflt, "default", type, dflt, description));
    }
}
