package org.qvd.wat.image.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfRequests.OsfFilter;
import org.qvd.vmas.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.ObjectList;
import org.qvd.wat.platform.ServiceLazyModel;

/** The OS flavour list with its create/edit dialog. */
@Named
@ViewScoped
public class OsfList extends ObjectList<OsfDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    OsfService osfs;

    private Integer memoryMb;
    private boolean useOverlay = true;
    private Integer userStorageMb;
    private String kind = "vm";

    public OsfList() {
        super("osf", OsfDto::name);
    }

    public void newOsf() {
        clearDialog();
        memoryMb = 256;
        useOverlay = true;
        userStorageMb = 0;
        kind = "vm";
    }

    public void edit(OsfDto o) {
        fillDialog(o.id(), o.tenantId(), o.name(), o.description());
        memoryMb = o.memoryMb();
        useOverlay = o.useOverlay();
        userStorageMb = o.userStorageMb();
        kind = o.kind();
    }

    public void save() {
        createOrSave(
                () -> osfs.create(new NewOsf(
                        getTenantId(), getName(), memoryMb, useOverlay, userStorageMb, getDescription(), kind)),
                () -> osfs.update(
                        getId(),
                        new OsfUpdate(getName(), memoryMb, useOverlay, userStorageMb, getDescription(), kind)));
    }

    public void delete(OsfDto o) {
        act("deleted", osfs::delete, o);
    }

    public void bulkDelete() {
        deleteSelected(osfs::delete);
    }

    @Override
    protected Page<OsfDto> load(Map<String, String> f, PageRequest page) {
        return osfs.list(new OsfFilter(ServiceLazyModel.number(f.get("tenant")), f.get("name")), page);
    }

    public Integer getMemoryMb() {
        return memoryMb;
    }

    public void setMemoryMb(Integer memoryMb) {
        this.memoryMb = memoryMb;
    }

    public boolean isUseOverlay() {
        return useOverlay;
    }

    public void setUseOverlay(boolean useOverlay) {
        this.useOverlay = useOverlay;
    }

    public Integer getUserStorageMb() {
        return userStorageMb;
    }

    public void setUserStorageMb(Integer userStorageMb) {
        this.userStorageMb = userStorageMb;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
