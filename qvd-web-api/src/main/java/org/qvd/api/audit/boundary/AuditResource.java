package org.qvd.api.audit.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Page;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.audit.boundary.AuditFilter;
import org.qvd.vmas.audit.boundary.AuditService;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;

/** The audit log of every administrative action, newest first by default. */
@Path("audit")
@Tag(name = "audit", description = "the audit log (read only)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String SORT = "at, id, action, admin or result; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(at|id|action|admin|result)$";

    @EJB
    AuditService audit;

    @GET
    @Operation(
            summary = "List audit entries",
            description = "ACL audit.see; tenant administrators see their "
                    + "tenant's entries. Filters: tenantId (superadmins), admin (contains), action, objectType, objectId, "
                    + "result (ok or an error code), from, to (ISO-8601 instants). Newest first unless sorted.")
    public Page<AuditEntryRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("admin") String admin,
            @QueryParam("action") String action,
            @QueryParam("objectType") String objectType,
            @QueryParam("objectId") Long objectId,
            @QueryParam("result") String result,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(
                audit.list(
                        new AuditFilter(
                                tenantId, admin, action, objectType, objectId, result, instant(from), instant(to)),
                        page.toRequest(sort)),
                AuditEntryRepresentation::of);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    PlatformError.VALIDATION_FAILED,
                    "from/to: must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
