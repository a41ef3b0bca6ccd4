package org.qvd.api.host.boundary;

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
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostRequests.HostUpdate;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;

/** Hypervisor hosts and their runtime (state, heartbeat, capacity). */
@Path("hosts")
@Tag(name = "hosts", description = "hypervisor nodes running an HKD")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostResource {

    static final String SORT = "id, name, address, state or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|name|address|state|createdAt)$";

    @EJB
    HostService hosts;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List hosts",
            description =
                    "ACL host.see; hosts are shared by every tenant. Filters: name " + "(contains), state, blocked.")
    public Page<HostRepresentation> list(
            @QueryParam("name") String name,
            @QueryParam("state") String state,
            @QueryParam("blocked") Boolean blocked,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(hosts.list(new HostFilter(name, state, blocked), page.toRequest(sort)), HostRepresentation::of);
    }

    @POST
    @Operation(
            summary = "Register a host",
            description =
                    "superadmins (ACL host.create); names and addresses are "
                            + "unique (409 host.duplicate, host.duplicate_address). The host is stopped until its agent registers.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = HostRepresentation.class)))
    public Response create(NewHost request) {
        HostRepresentation h = HostRepresentation.of(hosts.create(request));
        return Created.at(uri, h.id(), h);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a host with its runtime", description = "ACL host.see.")
    public HostRepresentation get(@PathParam("id") Long id) {
        return HostRepresentation.of(hosts.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(
            summary = "Change a host",
            description = "superadmins (ACL host.update); absent fields keep their " + "value.")
    public HostRepresentation update(@PathParam("id") Long id, HostUpdate update) {
        return HostRepresentation.of(hosts.update(id, update));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a host",
            description = "superadmins (ACL host.delete); a host that still holds VMs " + "answers 409 host.in_use.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        hosts.delete(id);
    }

    @POST
    @Path("{id}/block")
    @Operation(
            summary = "Block a host",
            description = "ACL host.update.block; no new VMs are placed on it, running " + "ones keep running.")
    public HostRepresentation block(@PathParam("id") Long id) {
        return HostRepresentation.of(hosts.block(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(
            summary = "Stop a running host (superadmins, ACL host.update.stop)",
            description = "Answers the host in state `stopping` and sends StopHost to its agent, which stops every VM "
                    + "and then itself; the host and its VMs become `stopped` when the agent reports it (or its "
                    + "heartbeats end). Refusals: 409 `host.not_running` when the host is not running (nothing "
                    + "changes), 404 `host.not_found`, 403 `acl.forbidden` / `acl.superadmin_only`.")
    public HostRepresentation stop(@PathParam("id") Long id) {
        return HostRepresentation.of(hosts.stop(id));
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a host", description = "ACL host.update.block.")
    public HostRepresentation unblock(@PathParam("id") Long id) {
        return HostRepresentation.of(hosts.unblock(id));
    }
}
