package org.qvd.vmas.vm.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;

/**
 * The fetch joins of a VM list page: {@link VmDto#of} reads the user and its tenant, the OSF, the runtime, its host
 * (whose own runtime is a one-to-one Hibernate always loads) and the DI in use. Without them every row cost up to five
 * further selects (a page of 20: ~100 round trips); with them a page is one query plus its count.
 *
 * <p>A list only reads: its transaction (begun by the list call itself; its callers, REST, SOAP and the WAT, have
 * none) loads the rows read-only (no snapshots) and is not flushed at commit, which otherwise walked every loaded
 * entity and its cascades for changes that cannot be there (a fifth of a page's CPU).
 */
final class VmListFetch {

    private VmListFetch() {}

    static void readOnly(EntityManager em) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
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
