package org.qvd.vmas.image.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.image.boundary.DiRequests.DiFilter;
import org.qvd.vmas.image.boundary.DiRequests.StagedDi;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.control.BuildMetadata;
import org.qvd.vmas.image.control.ImageStorage;
import org.qvd.vmas.image.control.StagedImage;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.DiTagException;
import org.qvd.vmas.image.entity.ImageError;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.image.entity.TagRules;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.Vm;

/** Disk images and their tags; the tag rules live in {@link TagRules}. */
@Stateless
@RequiresAcl
public class DiService {

    private static final String STAGING = "the staging directory";
    private static final List<String> BOOT_FILES = List.of("boot.kernel", "boot.initrd");
    private static final Map<String, String> SORTABLE =
            Map.of("id", "id", "version", "version", "osf", "osf.name", "createdAt", "createdAt");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ImageStorage storage;

    /**
     * The one way an uploaded image becomes a DI (REST and WAT both call it): the ACL is checked and the OSF found
     * in the caller's tenant before a byte is stored; the file goes into the image storage under a new name with the
     * OSF's prefix; the DI names that file. A refusal, also one at commit, leaves no file behind.
     */
    @RequiresAcl("di.create")
    @Audited(value = "di.upload", objectType = "di")
    public DiDto upload(@NotNull @Valid UploadedDi request, @NotNull InputStream body) {
        Osf osf = OsfService.find(em, request.osfId());
        String version = firstNonBlank(request.version(), nextVersion(osf));
        refuseDuplicate(osf, version);
        String fileName = firstNonBlank(request.fileName(), "image.qcow2");
        ImageStorage.Placed placed = new ImageStorage.Placed(storage.store(osf.getId(), fileName, body), true);
        storage.discardOnRollback(List.of(placed));
        String tag = firstNonBlank(request.tag());
        Di di = TagRules.addDi(osf, version, placed.path().toString(), request.description(), "default".equals(tag));
        em.persist(di);
        if (tag != null && !di.hasTag(tag)) {
            TagRules.tag(osf, di, tag).ifPresent(em::persist);
        }
        em.flush();
        return DiDto.of(di);
    }

    /**
     * Images waiting in the staging directory, with their build metadata. The staging directory is the operators'
     * (one per installation, filled on the server's machine): only superadmins list and import it.
     */
    @RequiresAcl("di.create")
    public List<StagedImageDto> staged() {
        CurrentCaller.get().requireSuperadmin(STAGING);
        return storage.staged().stream().map(StagedImageDto::of).toList();
    }

    /**
     * Registers a staged image as a DI: the file goes into the OSF's storage directory and, when the image
     * build's metadata says it boots with its own kernel, the kernel and initrd go beside it and the DI gets the
     * {@code boot.*} properties the hosts boot it with.
     */
    @RequiresAcl("di.create")
    @Audited(value = "di.import", objectType = "di")
    public DiDto importStaged(@NotNull @Valid StagedDi request) {
        CurrentCaller.get().requireSuperadmin(STAGING);
        Osf osf = OsfService.find(em, request.osfId());
        StagedImage staged = storage.stagedImage(request.file());
        BuildMetadata meta = staged.metadata();
        String version = firstNonBlank(request.version(), meta == null ? null : meta.version(), nextVersion(osf));
        refuseDuplicate(osf, version);
        List<ImageStorage.Placed> placed = new ArrayList<>();
        try {
            Path image = place(placed, osf, staged.file());
            Map<String, String> boot = new LinkedHashMap<>();
            if (meta != null && meta.directBoot()) {
                boot.put("boot.kernel", place(placed, osf, meta.kernel()).toString());
                if (meta.initrd() != null) {
                    boot.put("boot.initrd", place(placed, osf, meta.initrd()).toString());
                }
                if (meta.cmdline() != null) {
                    boot.put("boot.cmdline", meta.cmdline());
                }
            }
            String description = firstNonBlank(request.description(), meta == null ? null : meta.description(), null);
            Di di = TagRules.addDi(osf, version, image.toString(), description, request.makeDefault());
            em.persist(di);
            em.flush();
            boot.forEach((k, v) -> em.persist(new Property(PropertyOwner.DI, di.getId(), k, v)));
            em.flush();
            storage.discardOnRollback(placed);
            return DiDto.of(di);
        } catch (RuntimeException e) {
            storage.discard(placed);
            throw e;
        }
    }

    @RequiresAcl("di.see")
    public DiDto get(@NotNull Long id) {
        return DiDto.of(find(id));
    }

    @RequiresAcl("di.see")
    public Page<DiDto> list(DiFilter filter, @NotNull PageRequest page) {
        DiFilter f = filter == null ? DiFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        return ListQuery.page(
                em,
                Di.class,
                page,
                SORTABLE,
                where -> where.equal("osf.tenant.id", scope)
                        .equal("osf.id", f.osfId())
                        .contains("version", f.version())
                        .equal("blocked", f.blocked()),
                DiDto::of);
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

    /**
     * Deletes a DI no VM is running; its 'head'/'default' pass to the newest remaining DI. Its image, kernel and
     * initrd files go from the image storage when the deletion commits, unless another DI still names them.
     */
    @RequiresAcl("di.delete")
    @Audited(value = "di.delete", objectType = "di")
    public void delete(@NotNull Long id) {
        Di di = find(id);
        long running = em.createNamedQuery(Vm.COUNT_RUNNING_DI, Long.class)
                .setParameter("diId", id)
                .getSingleResult();
        if (running > 0) {
            throw new ConflictException(
                    ImageError.DI_IN_USE, "DI '" + di.getVersion() + "' is in use by " + running + " VM(s)");
        }
        List<String> files = new ArrayList<>(List.of(di.getPath()));
        files.addAll(em
                .createNamedQuery(Property.OF_OBJECT, Property.class)
                .setParameter("type", PropertyOwner.DI)
                .setParameter("objectId", id)
                .getResultList()
                .stream()
                .filter(p -> BOOT_FILES.contains(p.getKey()))
                .map(Property::getValue)
                .toList());
        TagRules.removeDi(di.getOsf(), di);
        em.createNamedQuery(Property.DELETE_OF_OBJECT)
                .setParameter("type", PropertyOwner.DI)
                .setParameter("objectId", id)
                .executeUpdate();
        em.remove(di);
        em.flush();
        storage.deleteAfterCommit(
                di.getOsf().getId(), files.stream().filter(f -> !stillNamed(f)).toList());
    }

    /** Whether a DI (its image or a boot file) still names the file. */
    private boolean stillNamed(String file) {
        return em.createNamedQuery(Di.COUNT_BY_PATH, Long.class)
                                .setParameter("path", file)
                                .getSingleResult()
                        > 0
                || em.createQuery(
                                        "SELECT COUNT(p) FROM Property p WHERE p.objectType = :type AND p.value = :path",
                                        Long.class)
                                .setParameter("type", PropertyOwner.DI)
                                .setParameter("path", file)
                                .getSingleResult()
                        > 0;
    }

    private static void refuseDuplicate(Osf osf, String version) {
        if (osf.resolve(version).isPresent()) {
            // before any file arrives: the same refusal TagRules would give, without storing an image first
            throw new DiTagException(
                    ImageError.DI_DUPLICATE,
                    "version '" + version + "' is already a tag in OSF '" + osf.getName() + "'");
        }
    }

    private Path place(List<ImageStorage.Placed> placed, Osf osf, String file) {
        ImageStorage.Placed p = storage.importFile(osf.getId(), file);
        placed.add(p);
        return p.path();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private Di find(Long id) {
        return Scoped.find(em, Di.class, id, d -> d.getOsf().getTenant().getId(), ImageError.DI_NOT_FOUND);
    }

    /** QVD's default version: today's date and a counter, e.g. 2026-11-26-002. */
    private static String nextVersion(Osf osf) {
        String prefix = LocalDate.now(ZoneOffset.UTC) + "-";
        long n = osf.getDis().stream()
                        .filter(d -> d.getVersion().startsWith(prefix))
                        .count()
                + 1;
        String candidate;
        do {
            candidate = prefix + String.format("%03d", n++);
        } while (osf.resolve(candidate).isPresent());
        return candidate;
    }
}
