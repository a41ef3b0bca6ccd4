package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.qvd.vmas.account.boundary.TenantDto;
import org.qvd.vmas.account.boundary.TenantRequests.NewTenant;
import org.qvd.vmas.account.boundary.TenantRequests.TenantFilter;
import org.qvd.vmas.account.boundary.TenantRequests.TenantUpdate;
import org.qvd.vmas.account.boundary.TenantService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.BlockableList;
import org.qvd.wat.platform.ServiceLazyModel;

/** Tenants (superadmins): create/rename, block/unblock, delete empty ones. */
@Named
@ViewScoped
public class TenantList extends BlockableList<TenantDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantService tenants;

    public TenantList() {
        super("tenant", TenantDto::name);
    }

    public void newTenant() {
        clearDialog();
    }

    public void edit(TenantDto t) {
        fillDialog(t.id(), t.name(), t.description());
    }

    public void save() {
        createOrSave(
                () -> tenants.create(new NewTenant(getName(), getDescription())),
                () -> tenants.update(getId(), new TenantUpdate(getName(), getDescription())));
    }

    @Override
    protected Page<TenantDto> load(Map<String, String> f, PageRequest page) {
        return tenants.list(new TenantFilter(f.get("name"), ServiceLazyModel.bool(f.get("blocked"))), page);
    }

    @Override
    protected Calls calls() {
        return new Calls(tenants::block, tenants::unblock, tenants::delete);
    }
}
