package org.qvd.wat.image.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.qvd.vmas.image.boundary.DiDto;
import org.qvd.vmas.image.boundary.DiRequests.DiFilter;
import org.qvd.vmas.image.boundary.DiRequests.StagedDi;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.StagedImageDto;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.AdminSession;
import org.qvd.wat.platform.BlockableList;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;
import org.qvd.wat.platform.WatError;

/**
 * The disk image list: new DIs by upload ({@link DiService#upload}, the same guarded call as the REST upload) or,
 * for superadmins, from the staging directory ({@link DiService#importStaged}); tags (tag/untag, make default),
 * block/unblock, delete. No host path is ever taken.
 */
@Named
@ViewScoped
public class DiList extends BlockableList<DiDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    DiService dis;

    @Inject
    AdminSession session;

    private Long osfId;
    private String version;
    private String stagingFile;
    private List<StagedImageDto> stagingFiles;
    private boolean makeDefault;
    private DiDto tagging;
    private String tag;

    public DiList() {
        super("di", DiDto::version);
    }

    public void newDi() {
        clearDialog();
        osfId = null;
        version = null;
        stagingFile = null;
        stagingFiles = null;
        makeDefault = false;
    }

    @Override
    protected Page<DiDto> load(Map<String, String> f, PageRequest page) {
        return dis.list(
                new DiFilter(
                        ServiceLazyModel.number(f.get("tenant")),
                        ServiceLazyModel.number(f.get("osf")),
                        f.get("version"),
                        ServiceLazyModel.bool(f.get("blocked"))),
                page);
    }

    @Override
    protected Calls calls() {
        return new Calls(dis::block, dis::unblock, dis::delete);
    }

    /**
     * Registers a staged image through the VMAS (which moves it into the image storage, with its build metadata's
     * version, description and boot files). An upload registers itself when the file arrives.
     */
    public void save() {
        try {
            if (stagingFile == null || stagingFile.isBlank()) {
                throw new InvalidInputException(WatError.DI_NO_SOURCE, Feedback.text("di.noSource"));
            }
            DiDto di = dis.importStaged(
                    new StagedDi(osfId, stagingFile, blank(version), blank(getDescription()), makeDefault));
            // the version may come from the image's build metadata or be generated: show the one given
            Feedback.info("di.created", di.version());
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    /**
     * A browser upload, registered as a DI of the chosen OSF with the dialog's version, description and default
     * choice as soon as it arrives, through the VMAS's one upload call (ACL, OSF of the admin's tenant, audit, no
     * file left when refused).
     */
    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            if (osfId == null) {
                throw new InvalidInputException(WatError.DI_UPLOAD_NEEDS_OSF, "choose the OS flavour before uploading");
            }
            DiDto di = dis.upload(
                    new UploadedDi(
                            osfId,
                            blank(version),
                            event.getFile().getFileName(),
                            blank(getDescription()),
                            makeDefault ? "default" : null),
                    in);
            Feedback.info("di.uploaded", di.version());
        } catch (IOException e) {
            Feedback.error(new IllegalStateException(e));
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    /** Images waiting in the staging directory (superadmins only: other admins see none). */
    public List<StagedImageDto> getStagingFiles() {
        if (stagingFiles == null && !session.isSuperadmin()) {
            stagingFiles = List.of();
        }
        if (stagingFiles == null) {
            try {
                stagingFiles = dis.staged();
            } catch (RuntimeException e) {
                Feedback.error(e);
                stagingFiles = List.of();
            }
        }
        return stagingFiles;
    }

    /** How a staged image is offered: its name, size and what its build metadata says. */
    public String stagedLabel(StagedImageDto s) {
        long kb = s.sizeBytes() / 1024;
        StringBuilder b = new StringBuilder(s.file()).append(" (").append(kb < 1024 ? kb + " KB" : kb / 1024 + " MB");
        if (s.version() != null) {
            b.append(", ").append(s.version());
        }
        if (s.directBoot()) {
            b.append(", ").append(Feedback.text("di.directBoot"));
        }
        return b.append(')').toString();
    }

    public void openTags(DiDto di) {
        tagging = di;
        tag = null;
    }

    public void addTag() {
        Feedback.run("di.tagged", () -> tagging = dis.tag(tagging.id(), tag), tag);
    }

    public void removeTag(String t) {
        Feedback.run("di.untagged", () -> tagging = dis.untag(tagging.id(), t), t);
    }

    public void makeDefault(DiDto di) {
        Feedback.run("di.tagged", () -> dis.tag(di.id(), "default"), "default");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getOsfId() {
        return osfId;
    }

    public void setOsfId(Long osfId) {
        this.osfId = osfId;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getStagingFile() {
        return stagingFile;
    }

    public void setStagingFile(String stagingFile) {
        this.stagingFile = stagingFile;
    }

    public boolean isMakeDefault() {
        return makeDefault;
    }

    public void setMakeDefault(boolean makeDefault) {
        this.makeDefault = makeDefault;
    }

    public DiDto getTagging() {
        return tagging;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
