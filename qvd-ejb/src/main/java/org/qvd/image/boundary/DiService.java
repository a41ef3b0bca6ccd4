package org.qvd.image.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.qvd.image.boundary.DiRequests.DiFilter;
import org.qvd.image.boundary.DiRequests.NewDi;
import org.qvd.image.entity.Di;
import org.qvd.image.entity.Osf;
import org.qvd.image.entity.TagRules;
import org.qvd.property.entity.Property;
import org.qvd.property.entity.PropertyOwner;
import org.qvd.vm.entity.Vm;
import org.qvd.vmas.platform.Audited;
import org.qvd.vmas.platform.ConflictException;
import org.qvd.vmas.platform.CurrentCaller;
import org.qvd.vmas.platform.ListQuery;
import org.qvd.vmas.platform.Page;
import org.qvd.vmas.platform.PageRequest;
import org.qvd.vmas.platform.RequiresAcl;
import org.qvd.vmas.platform.Scoped;

/** Disk images and their tags; the tag rules live in {@link TagRules}. */
@Stateless
@RequiresAcl
public class DiService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "version", "version", "osf", "osf.name",
            "createdAt", "createdAt");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** Registers an image file as a new DI: fixed version tag, 'head', and 'default' if first or asked. */
    @RequiresAcl("di.create")
    @Audited(value = "di.create", objectType = "di")
    public DiDto create(@NotNull @Valid NewDi request) {
        Osf osf = OsfService.find(em, request.osfId());
        String version = request.version() == null || request.version().isBlank() ? nextVersion(osf) : request.version();
        Di di = TagRules.addDi(osf, version, request.path(), request.description(), request.makeDefault());
        em.persist(di);
        return DiDto.of(di);
    }

    @RequiresAcl("di.see")
    public DiDto get(@NotNull Long id) {
        return DiDto.of(find(id));
    }

    @RequiresAcl("di.see")
    public Page<DiDto> list(DiFilter filter, @NotNull PageRequest page) {
        DiFilter f = filter == null ? DiFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        return ListQuery.page(em, Di.class, page, SORTABLE, (cb, root, where) -> {
            ListQuery.equal(cb, root.get("osf").get("tenant").get("id"), scope, where);
            ListQuery.equal(cb, root.get("osf").get("id"), f.osfId(), where);
            ListQuery.contains(cb, root.get("version"), f.version(), where);
            ListQuery.equal(cb, root.get("blocked"), f.blocked(), where);
        }, DiDto::of);
    }

    @RequiresAcl("di.update")
    @Audited(value = "di.update", objectType = "di")
    public DiDto describe(@NotNull Long id, @Size(max = 1024) String description) {
        Di di = find(id);
        di.describe(description);
        return DiDto.of(di);
    }

    @RequiresAcl("di.update.block")
    @Audited(value = "di.block", objectType = "di")
    public DiDto block(@NotNull Long id) {
        Di di = find(id);
        di.block();
        return DiDto.of(di);
    }

    @RequiresAcl("di.update.block")
    @Audited(value = "di.unblock", objectType = "di")
    public DiDto unblock(@NotNull Long id) {
        Di di = find(id);
        di.unblock();
        return DiDto.of(di);
    }

    /** Puts a tag on the DI, moving it from the OSF's other DI that holds it. */
    @RequiresAcl("di.update.tags")
    @Audited(value = "di.tag", objectType = "di")
    public DiDto tag(@NotNull Long id, @NotBlank String tag) {
        Di di = find(id);
        TagRules.tag(di.getOsf(), di, tag).ifPresent(em::persist);
        return DiDto.of(di);
    }

    @RequiresAcl("di.update.tags")
    @Audited(value = "di.untag", objectType = "di")
    public DiDto untag(@NotNull Long id, @NotBlank String tag) {
        Di di = find(id);
        em.remove(TagRules.untag(di, tag));
        return DiDto.of(di);
    }

    /** Deletes a DI no VM is running; its 'head'/'default' pass to the newest remaining DI. */
    @RequiresAcl("di.delete")
    @Audited(value = "di.delete", objectType = "di")
    public void delete(@NotNull Long id) {
        Di di = find(id);
        long running = em.createNamedQuery(Vm.COUNT_RUNNING_DI, Long.class).setParameter("diId", id).getSingleResult();
        if (running > 0) {
            throw new ConflictException("di.in_use", "DI '" + di.getVersion() + "' is in use by " + running + " VM(s)");
        }
        TagRules.removeDi(di.getOsf(), di);
        em.createNamedQuery(Property.DELETE_OF_OBJECT).setParameter("type", PropertyOwner.DI)
                .setParameter("objectId", id).executeUpdate();
        em.remove(di);
    }

    private Di find(Long id) {
        return Scoped.find(em, Di.class, id, d -> d.getOsf().getTenant().getId(), "di");
    }

    /** QVD's default version: today's date and a counter, e.g. 2026-11-26-002. */
    private static String nextVersion(Osf osf) {
        String prefix = LocalDate.now(ZoneOffset.UTC) + "-";
        long n = osf.getDis().stream().filter(d -> d.getVersion().startsWith(prefix)).count() + 1;
        String candidate;
        do {
            candidate = prefix + String.format("%03d", n++);
        } while (osf.resolve(candidate).isPresent());
        return candidate;
    }
}
