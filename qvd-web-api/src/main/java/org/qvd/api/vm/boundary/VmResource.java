package org.qvd.api.vm.boundary;

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
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.vm.boundary.VmService;

/** VMs and their actions; the VMAS checks ACLs, tenants and state transitions. */
@Path("vms")
@Tag(name = "vms", description = "virtual machines and their runtime")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VmResource {

    static final String SORT = "id, name, ip, user, osf, state or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|name|ip|user|osf|state|createdAt)$";

    @EJB
    VmService vms;

    @Context
    UriInfo uri;

    /** The soft and hard expiry of a running VM (QVD's "expire"). */
    @Schema(
            name = "Expiry",
            description =
                    "soft: when the user is warned; hard: when the VM is stopped " + "(ISO-8601 instants; null clears)")
    public record Expiry(Instant soft, Instant hard) {}

    @GET
    @Operation(
            summary = "List VMs",
            description = "ACL vm.see; tenant administrators see their tenant's VMs. "
                    + "Filters: tenantId (superadmins), userId, osfId, hostId, name (contains), state, blocked.")
    public Page<VmRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("userId") Long userId,
            @QueryParam("osfId") Long osfId,
            @QueryParam("hostId") Long hostId,
            @QueryParam("name") String name,
            @QueryParam("state") String state,
            @QueryParam("blocked") Boolean blocked,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        VmFilter filter = new VmFilter(tenantId, userId, osfId, hostId, name, state, blocked);
        return Page.of(vms.list(filter, page.toRequest(sort)), VmRepresentation::of);
    }

    @POST
    @Operation(
            summary = "Create a VM",
            description = "ACL vm.create; the user and the OSF must be of one tenant. "
                    + "The VM gets a free IP of the tenant's VM network unless ip is given (409 vm.ip_taken); names are "
                    + "unique per user (409 vm.duplicate). diTag defaults to `default`. The VM starts stopped.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = VmRepresentation.class)))
    public Response create(NewVm request) {
        VmRepresentation vm = VmRepresentation.of(vms.create(request));
        return Created.at(uri, vm.id, vm);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a VM with its runtime", description = "ACL vm.see; a VM of another tenant answers 404.")
    public VmRepresentation get(@PathParam("id") Long id) {
        return VmRepresentation.of(vms.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(
            summary = "Change a VM",
            description =
                    "ACL vm.update; absent (null) fields keep their value. A new " + "diTag applies at the next start.")
    public VmRepresentation update(@PathParam("id") Long id, VmUpdate update) {
        return VmRepresentation.of(vms.update(id, update));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a stopped VM",
            description = "ACL vm.delete; a VM that is not stopped answers 409 "
                    + "vm.invalid_state. purgeHome=true also deletes the user's home disk on the hosts (every running host is "
                    + "told; refused with vm.purge_no_host when none runs); without it the home disk stays.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id, @QueryParam("purgeHome") @DefaultValue("false") boolean purgeHome) {
        vms.delete(id, purgeHome);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The VM's state changes, newest first", description = "ACL vm.see.")
    public Page<VmStateChangeRepresentation> history(@PathParam("id") Long id, @BeanParam PageParams page) {
        return Page.of(vms.history(id, page.toRequest()), VmStateChangeRepresentation::of);
    }

    @POST
    @Path("{id}/start")
    @Operation(
            summary = "Request a start",
            description = "ACL vm.update.state; only from stopped (409 "
                    + "vm.invalid_state), not when the VM is blocked (409 vm.blocked), and only with a running, unblocked host "
                    + "that has room (409 vm.no_host). Answers the VM starting; it becomes running when its "
                    + "agent reports it, or stopped with lastFailure.")
    public VmRepresentation start(@PathParam("id") Long id) {
        return VmRepresentation.of(vms.start(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(
            summary = "Request a stop",
            description =
                    "ACL vm.update.state; from starting, running or debugging "
                            + "(else 409 vm.invalid_state). Answers the VM stopping; it becomes stopped when its host reports it.")
    public VmRepresentation stop(@PathParam("id") Long id) {
        return VmRepresentation.of(vms.stop(id));
    }

    @POST
    @Path("{id}/block")
    @Operation(
            summary = "Block the VM",
            description = "ACL vm.update.block; no new connections or starts, a running " + "VM keeps running.")
    public VmRepresentation block(@PathParam("id") Long id) {
        return VmRepresentation.of(vms.block(id));
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock the VM", description = "ACL vm.update.block.")
    public VmRepresentation unblock(@PathParam("id") Long id) {
        return VmRepresentation.of(vms.unblock(id));
    }

    @POST
    @Path("{id}/disconnect")
    @Operation(
            summary = "Drop the user's connection to the VM",
            description =
                    "ACL vm.update.disconnect; the L7R "
                            + "closes the tunnel, the desktop session stays for a reconnect. No connected user: 409 vm.invalid_state.")
    public VmRepresentation disconnect(@PathParam("id") Long id) {
        return VmRepresentation.of(vms.disconnect(id));
    }

    @POST
    @Path("{id}/expire")
    @Operation(
            summary = "Set the soft (warn) and hard (stop) expiry of the VM",
            description =
                    "ACL vm.update; the " + "hard expiry may not come before the soft one (400 vm.expiration_invalid).")
    public VmRepresentation expire(@PathParam("id") Long id, Expiry expiry) {
        Expiry e = expiry == null ? new Expiry(null, null) : expiry;
        return VmRepresentation.of(vms.update(id, new VmUpdate(null, null, null, null, e.soft(), e.hard())));
    }
}
