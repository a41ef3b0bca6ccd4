package org.qvd.wat.config.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.config.boundary.ConfigDto;
import org.qvd.vmas.config.boundary.ConfigService;
import org.qvd.wat.platform.AdminSession;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.KeyValueList;

/**
 * Configuration keys as they apply to a tenant (superadmins choose the tenant, or none for the
 * global values), with the global value beside the tenant's; set and reset (delete) values.
 */
@Named
@ViewScoped
public class ConfigList extends KeyValueList<ConfigDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    ConfigService config;

    @Inject
    AdminSession session;

    private Long tenantId;
    private final Map<String, String> global = new HashMap<>();

    @PostConstruct
    public void load() {
        reload(() -> {
            List<ConfigDto> rows = config.list(tenantId);
            global.clear();
            if (session.isSuperadmin() && tenantId != null) {
                config.list(null).forEach(c -> global.put(c.key(), c.value()));
            } else {
                // for a tenant admin, what is not the tenant's own value is the global (or default) one
                rows.stream().filter(c -> !"tenant".equals(c.source())).forEach(c -> global.put(c.key(), c.value()));
            }
            return rows;
        });
    }

    public String globalValue(String k) {
        return global.get(k);
    }

    public void edit(ConfigDto c) {
        fillDialog(c.key(), c.value());
    }

    public void save() {
        Feedback.run("config.set", () -> config.set(tenantId, getKey(), valueToSet()), getKey());
        load();
    }

    public void reset(ConfigDto c) {
        Feedback.run("config.reset", () -> config.delete(tenantId, c.key()), c.key());
        load();
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }
}
