package org.qvd.wat.vm.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.vm.boundary.VmService;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Choices;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.Formats;
import org.qvd.wat.platform.ServiceLazyModel;

/** The VM list: lazy paging/sorting/filtering, create/edit dialog, row and bulk actions. */
@Named
@ViewScoped
public class VmList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    VmService vms;

    private final ServiceLazyModel<VmDto> model = new ServiceLazyModel<>(this::load, VmDto::id);
    private List<VmDto> selected = new ArrayList<>();
    private final VmForm form = new VmForm();
    private String bulkTag;
    private LocalDateTime bulkSoft;
    private LocalDateTime bulkHard;

    private org.qvd.vmas.platform.list.Page<VmDto> load(
            Map<String, String> f, org.qvd.vmas.platform.list.PageRequest page) {
        return vms.list(
                new VmFilter(
                        ServiceLazyModel.number(f.get("tenant")),
                        null,
                        ServiceLazyModel.number(f.get("osf")),
                        ServiceLazyModel.number(f.get("host")),
                        f.get("name"),
                        f.get("state"),
                        ServiceLazyModel.bool(f.get("blocked"))),
                page);
    }

    public void newVm() {
        form.clear();
    }

    public void edit(VmDto vm) {
        form.fill(vm);
    }

    public void save() {
        if (form.getId() == null) {
            Long userId = Choices.idOf(form.getUser());
            Feedback.run(
                    "vm.created",
                    () -> vms.create(new NewVm(
                            userId,
                            form.getOsfId(),
                            form.getName(),
                            blankToNull(form.getDiTag()),
                            blankToNull(form.getIp()),
                            form.getDescription())),
                    form.getName());
        } else {
            Feedback.run(
                    "vm.saved",
                    () -> vms.update(
                            form.getId(),
                            new VmUpdate(
                                    form.getName(),
                                    blankToNull(form.getDiTag()),
                                    blankToNull(form.getIp()),
                                    form.getDescription(),
                                    Formats.instant(form.getExpirationSoft()),
                                    Formats.instant(form.getExpirationHard()))),
                    form.getName());
        }
    }

    public void start(VmDto vm) {
        Feedback.run("vm.started", () -> vms.start(vm.id()), vm.name());
    }

    public void stop(VmDto vm) {
        Feedback.run("vm.stopped", () -> vms.stop(vm.id()), vm.name());
    }

    public void block(VmDto vm) {
        Feedback.run("vm.blocked", () -> vms.block(vm.id()), vm.name());
    }

    public void unblock(VmDto vm) {
        Feedback.run("vm.unblocked", () -> vms.unblock(vm.id()), vm.name());
    }

    public void disconnect(VmDto vm) {
        Feedback.run("vm.disconnected", () -> vms.disconnect(vm.id()), vm.name());
    }

    public void delete(VmDto vm) {
        Feedback.run("vm.deleted", () -> vms.delete(vm.id(), false), vm.name());
    }

    /** Deletes the VM and has the hosts delete its user's home disk (the only way a home disk goes). */
    public void deletePurgingHome(VmDto vm) {
        Feedback.run("vm.deletedPurged", () -> vms.delete(vm.id(), true), vm.name());
    }

    public void bulkStart() {
        Bulk.apply(selected, "action.start", vm -> vms.start(vm.id()));
    }

    public void bulkStop() {
        Bulk.apply(selected, "action.stop", vm -> vms.stop(vm.id()));
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", vm -> vms.block(vm.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", vm -> vms.unblock(vm.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", vm -> vms.delete(vm.id(), false));
        selected.clear();
    }

    /** Changes the DI tag of the selected VMs, with the optional expiries for the running ones. */
    public void bulkChangeTag() {
        Bulk.apply(
                selected,
                "action.changeTag",
                vm -> vms.update(
                        vm.id(),
                        new VmUpdate(
                                null,
                                blankToNull(bulkTag),
                                null,
                                null,
                                Formats.instant(bulkSoft),
                                Formats.instant(bulkHard))));
    }

    public void bulkSetExpiry() {
        Bulk.apply(
                selected,
                "action.setExpiry",
                vm -> vms.update(
                        vm.id(),
                        new VmUpdate(null, null, null, null, Formats.instant(bulkSoft), Formats.instant(bulkHard))));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ServiceLazyModel<VmDto> getModel() {
        return model;
    }

    public List<VmDto> getSelected() {
        return selected;
    }

    public void setSelected(List<VmDto> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public VmForm getForm() {
        return form;
    }

    public String getBulkTag() {
        return bulkTag;
    }

    public void setBulkTag(String bulkTag) {
        this.bulkTag = bulkTag;
    }

    public LocalDateTime getBulkSoft() {
        return bulkSoft;
    }

    public void setBulkSoft(LocalDateTime bulkSoft) {
        this.bulkSoft = bulkSoft;
    }

    public LocalDateTime getBulkHard() {
        return bulkHard;
    }

    public void setBulkHard(LocalDateTime bulkHard) {
        this.bulkHard = bulkHard;
    }
}
