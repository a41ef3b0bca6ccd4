package org.qvd.audit.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.platform.Page;

/** The audit log of every administrative action, newest first by default. */
@Path("audit")
@Tag(name = "audit", description = "the audit log (read only)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    AuditService audit;

    @GET
    @Operation(summary = "List audit entries", description = "filters: tenantId, admin (contains), action, objectType, "
            + "objectId, result (ok or an error code), from, to (ISO-8601 instants); sort: at, id, action, admin, result")
    public Page<AuditEntryDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("admin") String admin,
            @QueryParam("action") String action, @QueryParam("objectType") String objectType,
            @QueryParam("objectId") Long objectId, @QueryParam("result") String result,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam PageParams page) {
        return audit.list(new AuditFilter(tenantId, admin, action, objectType, objectId, result, instant(from),
                instant(to)), page.toRequest());
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.qvd.vmas.platform.InvalidInputException("validation.failed",
                    "from/to: must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
