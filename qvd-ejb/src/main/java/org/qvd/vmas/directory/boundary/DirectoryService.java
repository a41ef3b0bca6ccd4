package org.qvd.vmas.directory.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.directory.boundary.DirectoryRequests.DirectoryInput;
import org.qvd.vmas.directory.control.DirectoryEndpoints;
import org.qvd.vmas.directory.control.DirectoryEntry;
import org.qvd.vmas.directory.control.DirectorySettingsCheck;
import org.qvd.vmas.directory.control.DirectoryUnavailableException;
import org.qvd.vmas.directory.entity.Directory;
import org.qvd.vmas.directory.entity.DirectoryError;
import org.qvd.vmas.directory.entity.DirectorySettings;
import org.qvd.vmas.directory.entity.DirectoryUser;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;

/** Tenants' directories for admins: one per tenant, validated, audited (never with the bind secret), testable. */
@Stateless
@RequiresAcl
public class DirectoryService {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    DirectoryEndpoints endpoints;

    @RequiresAcl("directory.update")
    @Audited(value = "directory.create", objectType = "directory")
    public DirectoryDto create(@NotNull @Valid DirectoryInput input) {
        Tenant tenant = em.find(Tenant.class, CurrentCaller.get().owningTenant(input.tenantId()));
        if (tenant == null) {
            throw new org.qvd.vmas.platform.error.NotFoundException(PlatformError.TENANT_NOT_FOUND, input.tenantId());
        }
        if (!em.createNamedQuery(Directory.BY_TENANT, Directory.class)
                .setParameter("tenantId", tenant.getId())
                .getResultList()
                .isEmpty()) {
            throw new ConflictException(
                    DirectoryError.DUPLICATE,
                    "tenant '" + tenant.getName() + "' has a directory " + "already: change that one");
        }
        Directory directory = new Directory(tenant, settings(input, null));
        directory.provisionWith(osf(input.provisionOsfId(), tenant.getId()));
        em.persist(directory);
        em.flush();
        return DirectoryDto.of(directory);
    }

    @RequiresAcl("directory.see")
    public DirectoryDto get(@NotNull Long id) {
        return DirectoryDto.of(find(id));
    }

    /** The caller's tenants' directories (a superadmin's: every tenant's, or the one asked for). */
    @RequiresAcl("directory.see")
    public List<DirectoryDto> list(Long tenantId) {
        Long scope = CurrentCaller.get().listScope(tenantId);
        return em.createNamedQuery(Directory.ALL, Directory.class)
                .getResultStream()
                .filter(d -> scope == null || d.getTenant().getId().equals(scope))
                .map(DirectoryDto::of)
                .toList();
    }

    /** Replaces the settings (an absent bind secret keeps the stored one); connections and lookups start afresh. */
    @RequiresAcl("directory.update")
    @Audited(value = "directory.update", objectType = "directory")
    public DirectoryDto update(@NotNull Long id, @NotNull @Valid DirectoryInput input) {
        Directory directory = find(id);
        directory.apply(settings(input, directory));
        directory.provisionWith(
                osf(input.provisionOsfId(), directory.getTenant().getId()));
        endpoints.forget(id);
        return DirectoryDto.of(directory);
    }

    /** Deletes the directory; its users stay but can no longer log in (they have no password of their own). */
    @RequiresAcl("directory.update")
    @Audited(value = "directory.delete", objectType = "directory")
    public void delete(@NotNull Long id) {
        Directory directory = find(id);
        em.createQuery("DELETE FROM DirectoryUser u WHERE u.directoryId = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.remove(directory);
        endpoints.forget(id);
    }

    /** What the directory says of {@code login} now (no cache, no password): for connecting and debugging it. */
    @RequiresAcl("directory.update")
    public DirectoryProbeDto probe(@NotNull Long id, @NotBlank String login) {
        Directory directory = find(id);
        DirectorySettings s = directory.settings();
        try {
            Optional<DirectoryEntry> entry = endpoints.lookup(id, directory.getRevision(), withoutCache(s), login);
            if (entry.isEmpty()) {
                return new DirectoryProbeDto(true, false, null, List.of(), false, null, null);
            }
            DirectoryEntry e = entry.get();
            boolean admitted =
                    s.requiredGroup() == null || s.requiredGroup().isBlank() || e.memberOf(s.requiredGroup());
            return new DirectoryProbeDto(
                    true,
                    true,
                    e.dn(),
                    new ArrayList<>(e.groups()),
                    admitted,
                    admitted ? s.osfFor(e.groups()) : null,
                    null);
        } catch (DirectoryUnavailableException e) {
            return new DirectoryProbeDto(false, false, null, List.of(), false, null, e.getMessage());
        }
    }

    /** The users who came from the directory, with when it last vouched for them and why it last refused them. */
    @RequiresAcl("directory.see")
    public List<DirectoryUserDto> users(@NotNull Long id) {
        find(id);
        return em.createNamedQuery(DirectoryUser.BY_DIRECTORY, DirectoryUser.class)
                .setParameter("directoryId", id)
                .getResultStream()
                .map(link -> DirectoryUserDto.of(link, em.find(AppUser.class, link.getUserId())))
                .toList();
    }

    private Directory find(Long id) {
        return Scoped.find(em, Directory.class, id, d -> d.getTenant().getId(), DirectoryError.NOT_FOUND);
    }

    private Osf osf(Long osfId, long tenantId) {
        if (osfId == null) {
            return null;
        }
        Osf osf = em.find(Osf.class, osfId);
        if (osf == null || osf.getTenant().getId() != tenantId) {
            throw new InvalidInputException(
                    DirectoryError.INVALID_SETTINGS,
                    "provisionOsfId: OSF " + osfId + " is not an OSF of the directory's tenant");
        }
        return osf;
    }

    private DirectorySettings settings(DirectoryInput in, Directory current) {
        TreeMap<String, Long> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (in.groupOsfs() != null) {
            in.groupOsfs().forEach((group, osfId) -> {
                if (group == null || group.isBlank() || osfId == null) {
                    throw new InvalidInputException(
                            DirectoryError.INVALID_SETTINGS, "groupOsfs: each group needs a name " + "and an OSF id");
                }
                long tenantId = current != null
                        ? current.getTenant().getId()
                        : CurrentCaller.get().owningTenant(in.tenantId());
                osf(osfId, tenantId);
                groups.put(group.trim(), osfId);
            });
        }
        return DirectorySettingsCheck.check(new DirectorySettings(
                trim(in.url()),
                Boolean.TRUE.equals(in.startTls()),
                in.caPem(),
                trim(in.bindDn()),
                in.bindSecret(),
                trim(in.userBaseDn()),
                or(in.userFilter(), DirectorySettings.DEFAULT_USER_FILTER),
                trim(in.groupBaseDn()),
                in.groupFilter() == null
                        ? DirectorySettings.DEFAULT_GROUP_FILTER
                        : in.groupFilter().trim(),
                trim(in.requiredGroup()),
                in.localUsers() == null || in.localUsers(),
                in.provisionOsfId(),
                or(in.provisionTag(), "default"),
                in.cacheSeconds() == null ? 30 : in.cacheSeconds(),
                in.enabled() == null || in.enabled(),
                groups));
    }

    private static DirectorySettings withoutCache(DirectorySettings s) {
        return new DirectorySettings(
                s.url(),
                s.startTls(),
                s.caPem(),
                s.bindDn(),
                s.bindSecret(),
                s.userBaseDn(),
                s.userFilter(),
                s.groupBaseDn(),
                s.groupFilter(),
                s.requiredGroup(),
                s.localUsers(),
                s.provisionOsfId(),
                s.provisionTag(),
                0,
                s.enabled(),
                s.groupOsfs());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.trim();
    }
}
