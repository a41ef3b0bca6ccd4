package org.qvd.vmas.vm.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.image.entity.Osf;

/** Builds VMs in a given state by walking the state machine (so fixtures cannot cheat it). */
final class VmFixtures {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<VmState, List<VmState>> PATH = Map.of(
            VmState.STOPPED, List.of(),
            VmState.STARTING, List.of(VmState.STARTING),
            VmState.RUNNING, List.of(VmState.STARTING, VmState.RUNNING),
            VmState.DEBUGGING, List.of(VmState.STARTING, VmState.DEBUGGING),
            VmState.STOPPING, List.of(VmState.STARTING, VmState.RUNNING, VmState.STOPPING),
            VmState.ZOMBIE, List.of(VmState.STARTING, VmState.RUNNING, VmState.ZOMBIE));

    private VmFixtures() {}

    static Vm vmIn(VmState state) {
        Tenant tenant = new Tenant("t", null);
        org.qvd.vmas.platform.TestIds.set(tenant, 7L);
        AppUser user = new AppUser(tenant, "alice", "$2a$04$x", null);
        Osf osf = new Osf(tenant, "debian", 256, true, 0, null);
        Vm vm = new Vm(user, osf, "desk", null, "10.0.0.5", null);
        for (VmState step : PATH.get(state)) {
            vm.getRuntime().moveTo(step, null, T);
        }
        return vm;
    }
}
