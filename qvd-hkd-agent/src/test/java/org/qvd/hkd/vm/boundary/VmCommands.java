package org.qvd.hkd.vm.boundary;

import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.protocol.vm.StartVmCommand;

/** Builds the commands the VMAS would send, with test defaults. */
final class VmCommands {

    private VmCommands() {}

    static StartVmCommand start(long vmId, String correlationId) {
        return start(vmId, correlationId, true, false, 256);
    }

    static StartVmCommand start(long vmId, String correlationId, boolean overlay, boolean persistent, long homeMb) {
        return new StartVmCommand(
                "node1",
                correlationId,
                vmId,
                "vm-" + vmId,
                7,
                TestHypervisor.DI,
                overlay,
                persistent,
                256,
                1,
                homeMb,
                String.format("52:54:00:03:00:%02x", vmId),
                "10.3.0." + vmId,
                null);
    }
}
