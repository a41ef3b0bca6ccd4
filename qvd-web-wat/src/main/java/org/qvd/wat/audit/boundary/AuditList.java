package org.qvd.wat.audit.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.qvd.vmas.audit.boundary.AuditEntryDto;
import org.qvd.vmas.audit.boundary.AuditFilter;
import org.qvd.vmas.audit.boundary.AuditService;
import org.qvd.wat.platform.ServiceLazyModel;

/** The audit log, newest first: filter by admin, action, object type and result. */
@Named
@ViewScoped
public class AuditList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    private final ServiceLazyModel<AuditEntryDto> model = new ServiceLazyModel<>(
            (f, page) -> audit.list(
                    new AuditFilter(
                            ServiceLazyModel.number(f.get("tenant")),
                            f.get("admin"),
                            f.get("action"),
                            f.get("objectType"),
                            ServiceLazyModel.number(f.get("objectId")),
                            f.get("result"),
                            null,
                            null),
                    page),
            AuditEntryDto::id);

    public ServiceLazyModel<AuditEntryDto> getModel() {
        return model;
    }
}
