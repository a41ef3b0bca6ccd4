package org.qvd.vmas.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.qvd.vmas.audit.entity.AuditEntry;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/** The audit log: admins see their tenant's entries, superadmins all. Newest first unless sorted otherwise. */
@Stateless
@RequiresAcl
public class AuditService {

    private static final Map<String, String> SORTABLE =
            Map.of("at", "at", "id", "id", "action", "action", "admin", "adminName", "result", "result");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @RequiresAcl("audit.see")
    public Page<AuditEntryDto> list(AuditFilter filter, @NotNull PageRequest page) {
        AuditFilter f = filter == null ? AuditFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        PageRequest ordered = page.sort() == null ? new PageRequest(page.page(), page.size(), "id", true) : page;
        return ListQuery.page(
                em,
                AuditEntry.class,
                ordered,
                SORTABLE,
                where -> where.equal("tenantId", scope)
                        .contains("adminName", f.adminName())
                        .equal("action", f.action())
                        .equal("objectType", f.objectType())
                        .equal("objectId", f.objectId())
                        .equal("result", f.result())
                        .atLeast("at", f.from())
                        .below("at", f.to()),
                AuditEntryDto::of);
    }
}
