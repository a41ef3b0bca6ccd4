package org.qvd.vmas.host.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostRequests.HostUpdate;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.control.HostShutdown;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostError;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.platform.WireEnumConverter;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.Vm;

/** Hypervisor hosts: shared by all tenants, so any admin with host.see sees them and only superadmins change them. */
@Stateless
@RequiresAcl
public class HostService {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id", "name", "name", "address", "address", "state", "runtime.state", "createdAt", "createdAt");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    HostShutdown shutdown;

    @RequiresAcl("host.create")
    @Audited(value = "host.create", objectType = "host")
    public HostDto create(@NotNull @Valid NewHost request) {
        CurrentCaller.get().requireSuperadmin("creating hosts");
        requireFree(request.name(), request.address());
        Host host = new Host(request.name(), request.address(), request.description());
        em.persist(host);
        return HostDto.of(host);
    }

    @RequiresAcl("host.see")
    public HostDto get(@NotNull Long id) {
        return HostDto.of(find(id));
    }

    @RequiresAcl("host.see")
    public Page<HostDto> list(HostFilter filter, @NotNull PageRequest page) {
        HostFilter f = filter == null ? HostFilter.any() : filter;
        HostState state = f.state() == null
                ? null
                : WireEnumConverter.parse(HostState.class, HostError.HOSTSTATE_INVALID, f.state());
        return ListQuery.page(
                em,
                Host.class,
                page,
                SORTABLE,
                where -> where.contains("name", f.name())
                        .equal("runtime.state", state)
                        .equal("blocked", f.blocked()),
                HostDto::of);
    }

    @RequiresAcl("host.update")
    @Audited(value = "host.update", objectType = "host")
    public HostDto update(@NotNull Long id, @NotNull @Valid HostUpdate update) {
        CurrentCaller.get().requireSuperadmin("changing hosts");
        Host host = find(id);
        String name = update.name() != null ? update.name() : host.getName();
        String address = update.address() != null ? update.address() : host.getAddress();
        requireFree(name.equals(host.getName()) ? null : name, address.equals(host.getAddress()) ? null : address);
        host.change(name, address, update.description() != null ? update.description() : host.getDescription());
        return HostDto.of(host);
    }

    @RequiresAcl("host.update.block")
    @Audited(value = "host.block", objectType = "host")
    public HostDto block(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("blocking hosts");
        Host host = find(id);
        host.block();
        return HostDto.of(host);
    }

    @RequiresAcl("host.update.block")
    @Audited(value = "host.unblock", objectType = "host")
    public HostDto unblock(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("unblocking hosts");
        Host host = find(id);
        host.unblock();
        return HostDto.of(host);
    }

    /**
     * Stops a running host: {@code stopping} at once, its VMs {@code stopping}, and the StopHost command on the
     * host's queue in the same transaction; the agent's events (or its heartbeats ending) make both
     * {@code stopped}. Refused with {@code host.not_running} when the host is not running (nothing changes).
     */
    @RequiresAcl("host.update.stop")
    @Audited(value = "host.stop", objectType = "host")
    public HostDto stop(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("stopping hosts");
        Host host = find(id);
        shutdown.begin(host);
        return HostDto.of(host);
    }

    /** Deletes a stopped or lost host on which no VM is placed. */
    @RequiresAcl("host.delete")
    @Audited(value = "host.delete", objectType = "host")
    public void delete(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("deleting hosts");
        Host host = find(id);
        host.checkDeletable();
        long vms = em.createNamedQuery(Vm.COUNT_ON_HOST, Long.class)
                .setParameter("hostId", id)
                .getSingleResult();
        if (vms > 0) {
            throw new ConflictException(
                    HostError.IN_USE, "host '" + host.getName() + "' still holds " + vms + " VM(s)");
        }
        em.createNamedQuery(Property.DELETE_OF_OBJECT)
                .setParameter("type", PropertyOwner.HOST)
                .setParameter("objectId", id)
                .executeUpdate();
        em.remove(host);
    }

    private Host find(Long id) {
        Host host = id == null ? null : em.find(Host.class, id);
        if (host == null) {
            throw new NotFoundException(HostError.NOT_FOUND, id);
        }
        return host;
    }

    private void requireFree(String name, String address) {
        if (name != null
                && em.createNamedQuery(Host.COUNT_BY_NAME, Long.class)
                                .setParameter("name", name)
                                .getSingleResult()
                        > 0) {
            throw new ConflictException(HostError.DUPLICATE, "a host named '" + name + "' exists");
        }
        if (address != null
                && em.createNamedQuery(Host.COUNT_BY_ADDRESS, Long.class)
                                .setParameter("address", address)
                                .getSingleResult()
                        > 0) {
            throw new ConflictException(HostError.DUPLICATE_ADDRESS, "a host with address " + address + " exists");
        }
    }
}
