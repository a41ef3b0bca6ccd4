package org.qvd.api.image.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.api.platform.Page;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfRequests.OsfFilter;
import org.qvd.vmas.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.vmas.image.boundary.OsfService;

/** OS flavours. */
@Path("osfs")
@Tag(name = "osfs", description = "OS flavours: desktop types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OsfResource {

    static final String SORT = "id, name, memoryMb, tenant or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|name|memoryMb|tenant|createdAt)$";

    @EJB
    OsfService osfs;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List OSFs",
            description = "ACL osf.see; tenant administrators see their tenant's. Filters: "
                    + "tenantId (superadmins), name (contains).")
    public Page<OsfRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("name") String name,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(osfs.list(new OsfFilter(tenantId, name), page.toRequest(sort)), OsfRepresentation::of);
    }

    @POST
    @Operation(
            summary = "Create an OSF",
            description = "ACL osf.create; names are unique per tenant " + "(409 osf.duplicate).")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = OsfRepresentation.class)))
    public Response create(NewOsf request) {
        OsfRepresentation o = OsfRepresentation.of(osfs.create(request));
        return Created.at(uri, o.id(), o);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an OSF", description = "ACL osf.see; one of another tenant answers 404.")
    public OsfRepresentation get(@PathParam("id") Long id) {
        return OsfRepresentation.of(osfs.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(
            summary = "Change an OSF",
            description =
                    "ACL osf.update; absent fields keep their value; memory " + "applies at each VM's next start.")
    public OsfRepresentation update(@PathParam("id") Long id, OsfUpdate update) {
        return OsfRepresentation.of(osfs.update(id, update));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an OSF without DIs or VMs",
            description = "ACL osf.delete; one that still has VMs " + "or DIs answers 409 osf.in_use.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        osfs.delete(id);
    }
}
