package org.qvd.vmas.it;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.qvd.protocol.vma.VmaPorts;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmState;

/**
 * Test stand-in for what a host reports of a VM (no JMS): moves the VM's runtime through its state machine as
 * {@code VmEvents} does, with the notice the L7R waits on. Tests only: in production a VM's state comes from its host.
 */
@Stateless
public class TestVms {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    Notices notices;

    /** The VM's agent answers at {@code address}. */
    public VmDto running(long vmId, String address) {
        Vm vm = em.find(Vm.class, vmId);
        em.persist(vm.getRuntime().running(address, VmaPorts.HTTP, VmaPorts.NX, null, Instant.now()));
        notices.vmState(vmId, vm.getRuntime().getState().wire(), null);
        return VmDto.of(vm);
    }

    /** Any other state the host reports. */
    public VmDto report(long vmId, VmState state, String reason) {
        Vm vm = em.find(Vm.class, vmId);
        em.persist(vm.getRuntime().moveTo(state, reason, Instant.now()));
        notices.vmState(vmId, state.wire(), reason);
        return VmDto.of(vm);
    }
}
