package org.qvd.vmas.vm.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashSet;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.image.entity.ImageError;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.WireEnumConverter;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.vm.control.VmLifecycle;
import org.qvd.vmas.vm.control.VmNetwork;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmError;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.vm.entity.VmStateHistory;

/**
 * VMs for administrators. start/stop go to the hosts through {@link VmLifecycle}; disconnect records the
 * request in the VM's runtime for the L7R. The state machine refuses invalid requests.
 */
@Stateless
@RequiresAcl
public class VmService {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver config;

    @Inject
    VmLifecycle lifecycle;

    @RequiresAcl("vm.create")
    @Audited(value = "vm.create", objectType = "vm")
    public VmDto create(@NotNull @Valid NewVm request) {
        AppUser user = Scoped.find(
                em, AppUser.class, request.userId(), u -> u.getTenant().getId(), AccountError.USER_NOT_FOUND);
        Osf osf = Scoped.find(em, Osf.class, request.osfId(), o -> o.getTenant().getId(), ImageError.OSF_NOT_FOUND);
        requireFreeName(user.getId(), request.name());
        VmNetwork network = network(user.getTenant().getId());
        String ip = request.ip() == null || request.ip().isBlank()
                ? network.next(new HashSet<>(
                        em.createNamedQuery(Vm.USED_IPS, String.class).getResultList()))
                : requireFreeIp(network.requireUsable(request.ip()));
        Vm vm = new Vm(user, osf, request.name(), request.diTag(), ip, request.description());
        em.persist(vm);
        return VmDto.of(vm);
    }

    @RequiresAcl("vm.see")
    public VmDto get(@NotNull Long id) {
        return VmDto.of(find(em, id));
    }

    @RequiresAcl("vm.see")
    public Page<VmDto> list(VmFilter filter, @NotNull PageRequest page) {
        VmFilter f = filter == null ? VmFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        VmState state =
                f.state() == null ? null : WireEnumConverter.parse(VmState.class, VmError.VMSTATE_INVALID, f.state());
        return VmListQuery.page(
                em,
                new VmListQuery.Criteria(scope, f.userId(), f.osfId(), f.hostId(), f.name(), state, f.blocked(), page));
    }

    @RequiresAcl("vm.update")
    @Audited(value = "vm.update", objectType = "vm")
    public VmDto update(@NotNull Long id, @NotNull @Valid VmUpdate update) {
        Vm vm = find(em, id);
        if (update.name() != null && !update.name().equals(vm.getName())) {
            requireFreeName(vm.getUser().getId(), update.name());
            vm.rename(update.name());
        }
        if (update.diTag() != null) {
            vm.useTag(update.diTag());
        }
        if (update.ip() != null && !update.ip().equals(vm.getIp())) {
            vm.assignIp(requireFreeIp(network(vm.getUser().getTenant().getId()).requireUsable(update.ip())));
        }
        if (update.description() != null) {
            vm.describe(update.description());
        }
        if (update.expirationSoft() != null || update.expirationHard() != null) {
            vm.expire(update.expirationSoft(), update.expirationHard());
        }
        return VmDto.of(vm);
    }

    @RequiresAcl("vm.update.block")
    @Audited(value = "vm.block", objectType = "vm")
    public VmDto block(@NotNull Long id) {
        Vm vm = find(em, id);
        vm.block();
        return VmDto.of(vm);
    }

    @RequiresAcl("vm.update.block")
    @Audited(value = "vm.unblock", objectType = "vm")
    public VmDto unblock(@NotNull Long id) {
        Vm vm = find(em, id);
        vm.unblock();
        return VmDto.of(vm);
    }

    /**
     * Starts a stopped, unblocked VM: resolves its DI, places it on a host and sends the host StartVm.
     * Refused (nothing changes) when no usable DI or no host with room exists. The VM is {@code starting}
     * until its host reports it running (or the start fails: then {@code stopped} with the reason).
     */
    @RequiresAcl("vm.update.state")
    @Audited(value = "vm.start", objectType = "vm")
    public VmDto start(@NotNull Long id) {
        Vm vm = find(em, id);
        lifecycle.start(vm);
        return VmDto.of(vm);
    }

    /** Stops a starting, running or debugging VM: {@code stopping} until its host reports it stopped. */
    @RequiresAcl("vm.update.state")
    @Audited(value = "vm.stop", objectType = "vm")
    public VmDto stop(@NotNull Long id) {
        Vm vm = find(em, id);
        lifecycle.stop(vm);
        return VmDto.of(vm);
    }

    /** Asks the L7R to drop the user's connection (QVD's user_cmd 'abort'). */
    @RequiresAcl("vm.update.disconnect")
    @Audited(value = "vm.disconnect", objectType = "vm")
    public VmDto disconnect(@NotNull Long id) {
        Vm vm = find(em, id);
        vm.getRuntime().requestDisconnect();
        return VmDto.of(vm);
    }

    /**
     * Deletes a stopped VM. Its home disk stays on the hosts' storage unless {@code purgeHome}: then every running
     * host is told to delete it (refused, VM kept, when no host runs).
     */
    @RequiresAcl("vm.delete")
    @Audited(value = "vm.delete", objectType = "vm")
    public void delete(@NotNull Long id, boolean purgeHome) {
        Vm vm = find(em, id);
        vm.checkDeletable();
        if (purgeHome) {
            lifecycle.purgeHome(id);
        }
        em.createNamedQuery(Property.DELETE_OF_OBJECT)
                .setParameter("type", PropertyOwner.VM)
                .setParameter("objectId", id)
                .executeUpdate();
        em.remove(vm);
    }

    /** The VM's state changes, newest first. */
    @RequiresAcl("vm.see")
    public Page<VmStateHistoryDto> history(@NotNull Long id, @NotNull PageRequest page) {
        find(em, id);
        var rows = em.createNamedQuery(VmStateHistory.BY_VM, VmStateHistory.class)
                .setParameter("vmId", id)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(h) FROM VmStateHistory h WHERE h.vm.id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        return new Page<>(rows.stream().map(VmStateHistoryDto::of).toList(), total, page.page(), page.size());
    }

    static Vm find(EntityManager em, Long id) {
        return Scoped.find(em, Vm.class, id, v -> v.getUser().getTenant().getId(), VmError.NOT_FOUND);
    }

    private VmNetwork network(long tenantId) {
        return VmNetwork.of(config, tenantId);
    }

    private String requireFreeIp(String ip) {
        if (em.createNamedQuery(Vm.COUNT_BY_IP, Long.class)
                        .setParameter("ip", ip)
                        .getSingleResult()
                > 0) {
            throw new ConflictException(VmError.IP_TAKEN, "IP " + ip + " is already assigned to a VM");
        }
        return ip;
    }

    private void requireFreeName(Long userId, String name) {
        if (em.createNamedQuery(Vm.COUNT_BY_NAME, Long.class)
                        .setParameter("userId", userId)
                        .setParameter("name", name)
                        .getSingleResult()
                > 0) {
            throw new ConflictException(VmError.DUPLICATE, "the user already has a VM named '" + name + "'");
        }
    }
}
