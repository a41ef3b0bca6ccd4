package org.qvd.wat.host.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.boundary.VmService;
import org.qvd.wat.platform.AdminSession;
import org.qvd.wat.platform.Feedback;

/** One host as its own page ({@code host.xhtml?id=N}): runtime, the VMs placed on it, block/unblock and stop. */
@Named
@ViewScoped
public class HostDetail implements Serializable {

    private static final long serialVersionUID = 1L;
    /** VMs listed on the page; the VM list (filtered by host) is the place for more. */
    static final int VMS_SHOWN = 50;

    @Inject
    HostService hosts;

    @Inject
    VmService vms;

    @Inject
    AdminSession session;

    private Long id;
    private HostDto host;
    private List<VmDto> vmsOnHost = List.of();
    private long vmCount;

    /** The page's view action: shows the host named by the {@code id} parameter. */
    public void load() {
        host = null;
        vmsOnHost = List.of();
        if (id == null) {
            return;
        }
        try {
            host = hosts.get(id);
            if (session.can("vm.see")) {
                var page = vms.list(
                        new VmFilter(null, null, null, id, null, null, null),
                        PageRequest.of(0, VMS_SHOWN, "name", false));
                vmsOnHost = page.items();
                vmCount = page.total();
            }
        } catch (RuntimeException e) {
            host = null;
            Feedback.error(e);
        }
    }

    public void block() {
        Feedback.run("host.blocked", () -> hosts.block(id), host.name());
        load();
    }

    public void unblock() {
        Feedback.run("host.unblocked", () -> hosts.unblock(id), host.name());
        load();
    }

    /** StopHost to the host's agent; a host that is not running is refused by the service. */
    public void stop() {
        Feedback.run("host.stopRequested", () -> hosts.stop(id), host.name());
        load();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public HostDto getHost() {
        return host;
    }

    public List<VmDto> getVms() {
        return vmsOnHost;
    }

    public long getVmCount() {
        return vmCount;
    }
}
