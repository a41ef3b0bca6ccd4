package org.qvd.vm.boundary;

import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import org.qvd.host.entity.Host;
import org.qvd.vm.entity.Vm;
import org.qvd.vm.entity.VmRuntime;

/**
 * The fetch joins of a VM list page: {@link VmDto#of} reads the user and its tenant, the OSF, the runtime, its host
 * (whose own runtime is a one-to-one Hibernate always loads) and the DI in use. Without them every row cost up to five
 * further selects (a page of 20: ~100 round trips); with them a page is one query plus its count.
 */
final class VmListFetch {

    private VmListFetch() {
    }

    static void everythingTheDtoReads(Root<Vm> vm) {
        vm.fetch("user").fetch("tenant");
        vm.fetch("osf").fetch("tenant");
        Fetch<Vm, VmRuntime> runtime = vm.fetch("runtime");
        Fetch<VmRuntime, Host> host = runtime.fetch("host", JoinType.LEFT);
        host.fetch("runtime", JoinType.LEFT);
        runtime.fetch("currentDi", JoinType.LEFT);
    }
}
