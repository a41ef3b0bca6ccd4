package org.qvd.vmas.vm.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.protocol.state.XState;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.guard.SystemCall;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.control.VmLifecycle;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmError;
import org.qvd.vmas.vm.entity.VmStateException;

/**
 * VM runtime transitions for the L7R: not guarded by admin ACLs, audited as "system". Every transition goes through
 * the entity's state machine. What a host reports of a VM is applied by {@code VmEvents}, never through here.
 */
@Stateless
@SystemCall
public class VmRuntimeService {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    VmLifecycle lifecycle;

    @Inject
    org.qvd.vmas.cluster.control.ClusterMembership cluster;

    public VmDto get(long vmId) {
        return VmDto.of(vm(vmId));
    }

    /**
     * A start asked by the system (e.g. the L7R for a user connecting to a stopped VM): placed on a
     * host and sent to it as an admin start would be; refused when blocked, not stopped, or impossible.
     */
    @Audited(value = "vm.runtime.start", objectType = "vm")
    public VmDto requestStart(long vmId) {
        Vm vm = vm(vmId);
        lifecycle.start(vm);
        return VmDto.of(vm);
    }

    @Audited(value = "vm.runtime.stop", objectType = "vm")
    public VmDto requestStop(long vmId) {
        Vm vm = vm(vmId);
        lifecycle.stop(vm);
        return VmDto.of(vm);
    }

    @Audited(value = "vm.runtime.user_connecting", objectType = "vm")
    public VmDto userConnecting(long vmId) {
        Vm vm = vm(vmId);
        if (vm.isBlocked()) {
            throw new VmStateException(VmError.BLOCKED, "VM '" + vm.getName() + "' is blocked");
        }
        vm.getRuntime().userConnecting(Instant.now());
        return VmDto.of(vm);
    }

    @Audited(value = "vm.runtime.user_connected", objectType = "vm")
    public VmDto userConnected(long vmId) {
        Vm vm = vm(vmId);
        vm.getRuntime().userConnected(Instant.now());
        return VmDto.of(vm);
    }

    @Audited(value = "vm.runtime.user_disconnected", objectType = "vm")
    public VmDto userDisconnected(long vmId) {
        Vm vm = vm(vmId);
        vm.getRuntime().userDisconnected(Instant.now());
        return VmDto.of(vm);
    }

    /** The X session state the VMA reports (not audited: frequent and informational). */
    public VmDto xState(long vmId, @NotNull XState state) {
        Vm vm = vm(vmId);
        vm.getRuntime().xState(state, Instant.now());
        return VmDto.of(vm);
    }

    /**
     * The VM's current VMA key (contract C1), which the L7R sends with every call to the VM's agent; null while the
     * VM has none (stopped, or started before keys). Only for the L7R: never in a DTO, a log or an admin surface.
     */
    public String vmaKey(long vmId) {
        return vm(vmId).getRuntime().vmaKey();
    }

    /**
     * Whether the VM's open tunnel is held by an L7R node that has left the cluster (it died with the connection on
     * it): a takeover then need not wait for that node to let go. False on a single node, or while the node is a member.
     */
    public boolean holderNodeGone(long vmId) {
        org.qvd.vmas.vm.entity.LastConnection last = vm(vmId).getRuntime().getLastConnection();
        return last != null && last.isOpen() && cluster.isGone(last.getNode());
    }

    /**
     * The VM, its session parameters and its VMA key in one transaction: a user's connect reads what it needs once
     * instead of once per step (each step was a transaction of its own).
     */
    public ConnectView connectView(long vmId) {
        Vm vm = vm(vmId);
        return new ConnectView(
                VmDto.of(vm), sessionParameters(vm), vm.getRuntime().vmaKey());
    }

    /** Session parameters from properties, later ones overriding: OSF, DI (in use, else by tag), user, VM. */
    public Map<String, String> sessionParameters(long vmId) {
        return sessionParameters(vm(vmId));
    }

    private Map<String, String> sessionParameters(Vm vm) {
        Di di = vm.getRuntime().getCurrentDi() != null
                ? vm.getRuntime().getCurrentDi()
                : vm.getOsf().resolve(vm.getDiTag()).orElse(null);
        Map<String, String> params = new LinkedHashMap<>();
        merge(params, PropertyOwner.OSF, vm.getOsf().getId());
        if (di != null) {
            merge(params, PropertyOwner.DI, di.getId());
        }
        merge(params, PropertyOwner.USER, vm.getUser().getId());
        merge(params, PropertyOwner.VM, vm.getId());
        return params;
    }

    private void merge(Map<String, String> into, PropertyOwner type, Long objectId) {
        List<Property> props = em.createNamedQuery(Property.OF_OBJECT, Property.class)
                .setParameter("type", type)
                .setParameter("objectId", objectId)
                .getResultList();
        props.forEach(p -> into.put(p.getKey(), p.getValue()));
    }

    private Vm vm(long vmId) {
        Vm vm = em.find(Vm.class, vmId);
        if (vm == null) {
            throw new NotFoundException(VmError.NOT_FOUND, vmId);
        }
        return vm;
    }
}
