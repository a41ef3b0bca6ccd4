package org.qvd.image.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.qvd.image.boundary.DiRequests.DiFilter;
import org.qvd.image.boundary.DiRequests.NewDi;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The disk image list: import (a path, a file of the staging directory, or an upload), tags
 * (tag/untag, make default), block/unblock, delete.
 */
@Named
@ViewScoped
public class DiList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DiService dis;
    @Inject
    ImageStore store;

    private final ServiceLazyModel<DiDto> model = new ServiceLazyModel<>(
            (f, page) -> dis.list(new DiFilter(ServiceLazyModel.number(f.get("tenant")),
                    ServiceLazyModel.number(f.get("osf")), f.get("version"), ServiceLazyModel.bool(f.get("blocked"))),
                    page),
            DiDto::id);
    private List<DiDto> selected = new ArrayList<>();
    private Long osfId;
    private String version;
    private String path;
    private String stagingFile;
    private String description;
    private boolean makeDefault;
    private DiDto tagging;
    private String tag;

    public void newDi() {
        osfId = null;
        version = null;
        path = null;
        stagingFile = null;
        description = null;
        makeDefault = false;
    }

    /** Registers the DI: from a staging file (copied into the image directory) or an existing path. */
    public void save() {
        Feedback.run("di.created", () -> {
            String file = stagingFile != null && !stagingFile.isBlank() ? store.importStaged(stagingFile) : path;
            dis.create(new NewDi(osfId, blank(version), file, description, makeDefault));
        }, version == null ? "" : version);
    }

    /** A browser upload: stored in the image directory, then registered like a path. */
    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            path = store.store(event.getFile().getFileName(), in);
            Feedback.info("di.uploaded", path);
        } catch (IOException e) {
            Feedback.error(new IllegalStateException(e));
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    public List<String> getStagingFiles() {
        return store.staged();
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

    public void block(DiDto di) {
        Feedback.run("di.blocked", () -> dis.block(di.id()), di.version());
    }

    public void unblock(DiDto di) {
        Feedback.run("di.unblocked", () -> dis.unblock(di.id()), di.version());
    }

    public void delete(DiDto di) {
        Feedback.run("di.deleted", () -> dis.delete(di.id()), di.version());
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", d -> dis.block(d.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", d -> dis.unblock(d.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", d -> dis.delete(d.id()));
        selected.clear();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ServiceLazyModel<DiDto> getModel() { return model; }
    public List<DiDto> getSelected() { return selected; }
    public void setSelected(List<DiDto> s) { selected = s == null ? new ArrayList<>() : new ArrayList<>(s); }
    public Long getOsfId() { return osfId; }
    public void setOsfId(Long osfId) { this.osfId = osfId; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getStagingFile() { return stagingFile; }
    public void setStagingFile(String stagingFile) { this.stagingFile = stagingFile; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isMakeDefault() { return makeDefault; }
    public void setMakeDefault(boolean makeDefault) { this.makeDefault = makeDefault; }
    public DiDto getTagging() { return tagging; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
}
