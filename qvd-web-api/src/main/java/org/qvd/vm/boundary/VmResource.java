package org.qvd.vm.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.api.platform.PageParams;
import org.qvd.vm.boundary.VmRequests.NewVm;
import org.qvd.vm.boundary.VmRequests.VmFilter;
import org.qvd.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.platform.Page;

/** VMs and their actions; the VMAS checks ACLs, tenants and state transitions. */
@Path("vms")
@Tag(name = "vms", description = "virtual machines and their runtime")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VmResource {

    @EJB
    VmService vms;

    @Context
    UriInfo uri;

    /** The soft and hard expiry of a running VM (QVD's "expire"). */
    public record Expiry(Instant soft, Instant hard) {
    }

    @GET
    @Operation(summary = "List VMs", description = "filters: tenantId, userId, osfId, hostId, name (contains), state, blocked; "
            + "sort: id, name, ip, user, osf, state, createdAt")
    public Page<VmDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("userId") Long userId,
            @QueryParam("osfId") Long osfId, @QueryParam("hostId") Long hostId, @QueryParam("name") String name,
            @QueryParam("state") String state, @QueryParam("blocked") Boolean blocked, @BeanParam PageParams page) {
        return vms.list(new VmFilter(tenantId, userId, osfId, hostId, name, state, blocked), page.toRequest());
    }

    @POST
    @Operation(summary = "Create a VM")
    public Response create(NewVm request) {
        VmDto vm = vms.create(request);
        return Created.at(uri, vm.id(), vm);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a VM with its runtime")
    public VmDto get(@PathParam("id") Long id) {
        return vms.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a VM (null fields keep their value)")
    public VmDto update(@PathParam("id") Long id, VmUpdate update) {
        return vms.update(id, update);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a stopped VM",
            description = "purgeHome=true also deletes the user's home disk on the hosts (every running host is told; "
                    + "refused with vm.purge_no_host when none runs); without it the home disk stays")
    public Response delete(@PathParam("id") Long id, @QueryParam("purgeHome") @DefaultValue("false") boolean purgeHome) {
        vms.delete(id, purgeHome);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The VM's state changes, newest first")
    public Page<VmStateHistoryDto> history(@PathParam("id") Long id, @BeanParam PageParams page) {
        return vms.history(id, page.toRequest());
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Request a start (only from stopped, not when blocked)")
    public VmDto start(@PathParam("id") Long id) {
        return vms.start(id);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Request a stop (from starting, running or debugging)")
    public VmDto stop(@PathParam("id") Long id) {
        return vms.stop(id);
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block the VM (no new connections or starts)")
    public VmDto block(@PathParam("id") Long id) {
        return vms.block(id);
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock the VM")
    public VmDto unblock(@PathParam("id") Long id) {
        return vms.unblock(id);
    }

    @POST
    @Path("{id}/disconnect")
    @Operation(summary = "Drop the user's connection to the VM")
    public VmDto disconnect(@PathParam("id") Long id) {
        return vms.disconnect(id);
    }

    @POST
    @Path("{id}/expire")
    @Operation(summary = "Set the soft (warn) and hard (stop) expiry of the VM")
    public VmDto expire(@PathParam("id") Long id, Expiry expiry) {
        Expiry e = expiry == null ? new Expiry(null, null) : expiry;
        return vms.update(id, new VmUpdate(null, null, null, null, e.soft(), e.hard()));
    }
}
