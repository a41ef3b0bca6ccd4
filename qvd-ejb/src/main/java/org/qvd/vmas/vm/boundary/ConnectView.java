package org.qvd.vmas.vm.boundary;

import java.util.Map;
import org.qvd.protocol.state.VmState;

/**
 * What the L7R needs to connect a user to a VM, read in one transaction ({@link VmRuntimeService#connectView}): the
 * VM with its runtime, the session parameters from its properties, and its VMA key (contract C1; only for the L7R:
 * never in a log or an admin surface).
 */
public record ConnectView(VmDto vm, Map<String, String> sessionParameters, String vmaKey) {

    /** Whether the VM runs with an agent to call. */
    public boolean running() {
        return vm.state() == VmState.RUNNING && vm.address() != null;
    }
}
