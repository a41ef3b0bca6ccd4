package org.qvd.api.vm.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.vm.boundary.VmDto;

/**
 * A VM with its runtime as the API shows it: what an administrator or integrator acts on, without the VMAS's
 * internals (pending agent command, the VM agent's and the NX agent's ports). Filled by name, not by position.
 */
@Schema(name = "Vm", description = "a virtual machine of a user, with its runtime")
public class VmRepresentation {
    public Long id;
    public Long tenantId;
    public Long userId;
    public String userLogin;
    public Long osfId;
    public String osfName;

    @Schema(description = "the tag that picks the DI at every start (default `default`)")
    public String diTag;

    public String name;

    @Schema(description = "the VM's fixed address in the VM network")
    public String ip;

    @Schema(description = "a blocked VM is neither started nor connected to")
    public boolean blocked;

    public String description;

    @Schema(description = "when the user is warned that the VM will be stopped")
    public Instant expirationSoft;

    @Schema(description = "when a running VM is stopped")
    public Instant expirationHard;

    @Schema(
            description = "the VM's state: stopped → starting → running → stopping → stopped; zombie when a "
                    + "host lost track of it; debugging when kept alive although its agent is silent")
    public String state;

    @Schema(description = "when the state last changed")
    public Instant stateTs;

    @Schema(description = "the user's connection to the VM")
    public String userState;

    @Schema(description = "the host it runs on (while not stopped)")
    public Long hostId;

    public String hostName;

    @Schema(description = "the VM's address as its host reaches it")
    public String address;

    @Schema(description = "the DI it runs")
    public Long currentDiId;

    public String currentDiVersion;

    @Schema(description = "the X session inside the VM, as its agent reports it")
    public String xState;

    @Schema(description = "why its last start failed (cleared when a new start is requested)")
    public String lastFailure;

    public Instant lastFailureAt;
    public Instant createdAt;

    @Schema(description = "when the last client connection opened")
    public Instant lastConnectedAt;

    @Schema(description = "when the last client connection closed (absent while open)")
    public Instant lastDisconnectedAt;

    @Schema(description = "bytes the client sent in the last connection")
    public Long lastBytesFromClient;

    @Schema(description = "bytes sent to the client in the last connection")
    public Long lastBytesToClient;

    @Schema(description = "the server node whose L7R carried the last connection")
    public String lastConnectionNode;

    @Schema(description = "what its OSF's desktops run as: a VM or a container")
    public String kind;

    public static VmRepresentation of(VmDto v) {
        VmRepresentation r = new VmRepresentation();
        r.id = v.id();
        r.tenantId = v.tenantId();
        r.userId = v.userId();
        r.userLogin = v.userLogin();
        r.osfId = v.osfId();
        r.osfName = v.osfName();
        r.diTag = v.diTag();
        r.name = v.name();
        r.ip = v.ip();
        r.blocked = v.blocked();
        r.description = v.description();
        r.expirationSoft = v.expirationSoft();
        r.expirationHard = v.expirationHard();
        r.state = v.state().wireName();
        r.stateTs = v.stateTs();
        r.userState = v.userState().wireName();
        r.hostId = v.hostId();
        r.hostName = v.hostName();
        r.address = v.address();
        r.currentDiId = v.currentDiId();
        r.currentDiVersion = v.currentDiVersion();
        r.xState = WireNamed.nameOf(v.xState());
        r.lastFailure = v.lastFailure();
        r.lastFailureAt = v.lastFailureAt();
        r.createdAt = v.createdAt();
        r.lastConnectedAt = v.lastConnectedAt();
        r.lastDisconnectedAt = v.lastDisconnectedAt();
        r.lastBytesFromClient = v.lastBytesFromClient();
        r.lastBytesToClient = v.lastBytesToClient();
        r.lastConnectionNode = v.lastConnectionNode();
        r.kind = v.kind();
        return r;
    }
}
