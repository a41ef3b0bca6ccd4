package org.qvd.wat.host.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostRequests.HostUpdate;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.BlockableList;
import org.qvd.wat.platform.ServiceLazyModel;

/** The host list: runtime state, heartbeat and load; create/edit (superadmins), block/unblock, stop, delete. */
@Named
@ViewScoped
public class HostList extends BlockableList<HostDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    HostService hosts;

    private String address;

    public HostList() {
        super("host", HostDto::name);
    }

    public void newHost() {
        clearDialog();
        address = null;
    }

    public void edit(HostDto h) {
        fillDialog(h.id(), h.name(), h.description());
        address = h.address();
    }

    public void save() {
        createOrSave(
                () -> hosts.create(new NewHost(getName(), address, getDescription())),
                () -> hosts.update(getId(), new HostUpdate(getName(), address, getDescription())));
    }

    /** Asks the host's agent to stop (StopHost); the service refuses a host that is not running. */
    public void stop(HostDto h) {
        act("stopRequested", hosts::stop, h);
    }

    public void bulkStop() {
        bulk("action.stop", hosts::stop);
    }

    @Override
    protected Page<HostDto> load(Map<String, String> f, PageRequest page) {
        return hosts.list(new HostFilter(f.get("name"), f.get("state"), ServiceLazyModel.bool(f.get("blocked"))), page);
    }

    @Override
    protected Calls calls() {
        return new Calls(hosts::block, hosts::unblock, hosts::delete);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
