package org.qvd.wat.image.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfRequests.OsfFilter;
import org.qvd.vmas.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/** The OS flavour list with its create/edit dialog. */
@Named
@ViewScoped
public class OsfList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OsfService osfs;

    private final ServiceLazyModel<OsfDto> model = new ServiceLazyModel<>(
            (f, page) -> osfs.list(new OsfFilter(ServiceLazyModel.number(f.get("tenant")), f.get("name")), page),
            OsfDto::id);
    private List<OsfDto> selected = new ArrayList<>();
    private Long id;
    private Long tenantId;
    private String name;
    private Integer memoryMb;
    private boolean useOverlay = true;
    private Integer userStorageMb;
    private String description;
    private String kind = "vm";

    public void newOsf() {
        id = null;
        tenantId = null;
        name = null;
        memoryMb = 256;
        useOverlay = true;
        userStorageMb = 0;
        description = null;
        kind = "vm";
    }

    public void edit(OsfDto o) {
        id = o.id();
        tenantId = o.tenantId();
        name = o.name();
        memoryMb = o.memoryMb();
        useOverlay = o.useOverlay();
        userStorageMb = o.userStorageMb();
        description = o.description();
        kind = o.kind();
    }

    public void save() {
        if (id == null) {
            Feedback.run(
                    "osf.created",
                    () -> osfs.create(
                            new NewOsf(tenantId, name, memoryMb, useOverlay, userStorageMb, description, kind)),
                    name);
        } else {
            Feedback.run(
                    "osf.saved",
                    () -> osfs.update(id, new OsfUpdate(name, memoryMb, useOverlay, userStorageMb, description, kind)),
                    name);
        }
    }

    public void delete(OsfDto o) {
        Feedback.run("osf.deleted", () -> osfs.delete(o.id()), o.name());
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", o -> osfs.delete(o.id()));
        selected.clear();
    }

    public ServiceLazyModel<OsfDto> getModel() {
        return model;
    }

    public List<OsfDto> getSelected() {
        return selected;
    }

    public void setSelected(List<OsfDto> s) {
        selected = s == null ? new ArrayList<>() : new ArrayList<>(s);
    }

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
