package org.qvd.vmas.vm.entity;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Applies a state a host reports, taking the state machine's intermediate step where the VM skipped
 * one (a running VM that died is first a zombie, then stopped), so the history stays truthful.
 */
public final class VmStateSettler {

    private VmStateSettler() {}

    /** Moves the runtime to {@code target}; returns false when it is there already (a duplicate event). */
    public static boolean settle(EntityManager em, VmRuntime runtime, VmState target, String reason, Instant now) {
        if (runtime.getState() == target) {
            return false;
        }
        if (!runtime.getState().canMoveTo(target) && target == VmState.STOPPED) {
            em.persist(runtime.moveTo(VmState.ZOMBIE, reason, now));
        }
        em.persist(runtime.moveTo(target, reason, now));
        return true;
    }
}
