package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.qvd.vmas.account.boundary.TenantDto;
import org.qvd.vmas.account.boundary.TenantRequests.NewTenant;
import org.qvd.vmas.account.boundary.TenantRequests.TenantFilter;
import org.qvd.vmas.account.boundary.TenantRequests.TenantUpdate;
import org.qvd.vmas.account.boundary.TenantService;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/** Tenants (superadmins): create/rename, block/unblock, delete empty ones. */
@Named
@ViewScoped
public class TenantList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantService tenants;

    private final ServiceLazyModel<TenantDto> model = new ServiceLazyModel<>(
            (f, page) -> tenants.list(new TenantFilter(f.get("name"), ServiceLazyModel.bool(f.get("blocked"))), page),
            TenantDto::id);
    private List<TenantDto> selected = new ArrayList<>();
    private Long id;
    private String name;
    private String description;

    public void newTenant() {
        id = null;
        name = null;
        description = null;
    }

    public void edit(TenantDto t) {
        id = t.id();
        name = t.name();
        description = t.description();
    }

    public void save() {
        if (id == null) {
            Feedback.run("tenant.created", () -> tenants.create(new NewTenant(name, description)), name);
        } else {
            Feedback.run("tenant.saved", () -> tenants.update(id, new TenantUpdate(name, description)), name);
        }
    }

    public void block(TenantDto t) {
        Feedback.run("tenant.blocked", () -> tenants.block(t.id()), t.name());
    }

    public void unblock(TenantDto t) {
        Feedback.run("tenant.unblocked", () -> tenants.unblock(t.id()), t.name());
    }

    public void delete(TenantDto t) {
        Feedback.run("tenant.deleted", () -> tenants.delete(t.id()), t.name());
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", t -> tenants.block(t.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", t -> tenants.unblock(t.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", t -> tenants.delete(t.id()));
        selected.clear();
    }

    public ServiceLazyModel<TenantDto> getModel() {
        return model;
    }

    public List<TenantDto> getSelected() {
        return selected;
    }

    public void setSelected(List<TenantDto> s) {
        selected = s == null ? new ArrayList<>() : new ArrayList<>(s);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
