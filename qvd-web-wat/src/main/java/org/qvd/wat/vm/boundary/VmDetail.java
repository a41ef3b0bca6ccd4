package org.qvd.wat.vm.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.vm.boundary.VmService;
import org.qvd.vmas.vm.boundary.VmStateHistoryDto;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.Formats;

/** One VM, as its own page (vm.xhtml?id=N): its runtime (host, address, ports, DI in use), state history, and the tag change with expiries. */
@Named
@ViewScoped
public class VmDetail extends ExpiryFields {

    private static final long serialVersionUID = 1L;

    @Inject
    VmService vms;

    /** The page's {@code id} parameter ({@code vm.xhtml?id=N}). */
    private Long id;

    private VmDto vm;
    private List<VmStateHistoryDto> history = List.of();
    private String tag;

    /** The page's view action: shows the VM named by the {@code id} parameter. */
    public void load() {
        if (id == null) {
            vm = null;
            return;
        }
        open(id);
    }

    public void open(Long id) {
        try {
            vm = vms.get(id);
            history = vms.history(id, PageRequest.first(50)).items();
            tag = vm.diTag();
            showExpiries(vm);
        } catch (RuntimeException e) {
            vm = null;
            Feedback.error(e);
        }
    }

    private void reload() {
        if (vm != null) {
            open(vm.id());
        }
    }

    /** Moves the VM to another DI tag; a running VM gets the expiries so it picks the new image up. */
    public void changeTag() {
        Feedback.run(
                "vm.tagChanged",
                () -> vms.update(
                        vm.id(),
                        new VmUpdate(
                                null,
                                VmList.blankToNull(tag),
                                null,
                                null,
                                Formats.instant(getExpirationSoft()),
                                Formats.instant(getExpirationHard()))),
                vm.name(),
                tag);
        reload();
    }

    public void start() {
        Feedback.run("vm.started", () -> vms.start(vm.id()), vm.name());
        reload();
    }

    public void stop() {
        Feedback.run("vm.stopped", () -> vms.stop(vm.id()), vm.name());
        reload();
    }

    public void block() {
        Feedback.run("vm.blocked", () -> vms.block(vm.id()), vm.name());
        reload();
    }

    public void unblock() {
        Feedback.run("vm.unblocked", () -> vms.unblock(vm.id()), vm.name());
        reload();
    }

    public void disconnect() {
        Feedback.run("vm.disconnected", () -> vms.disconnect(vm.id()), vm.name());
        reload();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public VmDto getVm() {
        return vm;
    }

    public List<VmStateHistoryDto> getHistory() {
        return history;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
