package org.qvd.host.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.platform.Page;
import org.qvd.host.boundary.HostRequests.HostFilter;
import org.qvd.host.boundary.HostRequests.HostUpdate;
import org.qvd.host.boundary.HostRequests.NewHost;

/** Hypervisor hosts and their runtime (state, heartbeat, capacity). */
@Path("hosts")
@Tag(name = "hosts", description = "hypervisor nodes running an HKD")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostResource {

    @EJB
    HostService hosts;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List hosts", description = "filters: name (contains), state, blocked")
    public Page<HostDto> list(@QueryParam("name") String name, @QueryParam("state") String state,
            @QueryParam("blocked") Boolean blocked, @BeanParam PageParams page) {
        return hosts.list(new HostFilter(name, state, blocked), page.toRequest());
    }

    @POST
    @Operation(summary = "Register a host")
    public Response create(NewHost request) {
        HostDto h = hosts.create(request);
        return Created.at(uri, h.id(), h);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a host with its runtime")
    public HostDto get(@PathParam("id") Long id) {
        return hosts.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a host")
    public HostDto update(@PathParam("id") Long id, HostUpdate update) {
        return hosts.update(id, update);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a host")
    public Response delete(@PathParam("id") Long id) {
        hosts.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block a host (no new VMs are placed on it)")
    public HostDto block(@PathParam("id") Long id) {
        return hosts.block(id);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a running host (superadmins, ACL host.update.stop)",
            description = "Answers the host in state `stopping` and sends StopHost to its agent, which stops every VM "
                    + "and then itself; the host and its VMs become `stopped` when the agent reports it (or its "
                    + "heartbeats end). Refusals: 409 `host.not_running` when the host is not running (nothing "
                    + "changes), 404 `host.not_found`, 403 `acl.forbidden` / `acl.superadmin_only`.")
    public HostDto stop(@PathParam("id") Long id) {
        return hosts.stop(id);
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a host")
    public HostDto unblock(@PathParam("id") Long id) {
        return hosts.unblock(id);
    }
}
