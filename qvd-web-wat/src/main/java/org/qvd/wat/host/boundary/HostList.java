package org.qvd.wat.host.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostRequests.HostUpdate;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/** The host list: runtime state, heartbeat and load; create/edit (superadmins), block/unblock, stop, delete. */
@Named
@ViewScoped
public class HostList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HostService hosts;

    private final ServiceLazyModel<HostDto> model = new ServiceLazyModel<>(
            (f, page) -> hosts.list(
                    new HostFilter(f.get("name"), f.get("state"), ServiceLazyModel.bool(f.get("blocked"))), page),
            HostDto::id);
    private List<HostDto> selected = new ArrayList<>();
    private Long id;
    private String name;
    private String address;
    private String description;

    public void newHost() {
        id = null;
        name = null;
        address = null;
        description = null;
    }

    public void edit(HostDto h) {
        id = h.id();
        name = h.name();
        address = h.address();
        description = h.description();
    }

    public void save() {
        if (id == null) {
            Feedback.run("host.created", () -> hosts.create(new NewHost(name, address, description)), name);
        } else {
            Feedback.run("host.saved", () -> hosts.update(id, new HostUpdate(name, address, description)), name);
        }
    }

    public void block(HostDto h) {
        Feedback.run("host.blocked", () -> hosts.block(h.id()), h.name());
    }

    public void unblock(HostDto h) {
        Feedback.run("host.unblocked", () -> hosts.unblock(h.id()), h.name());
    }

    /** Asks the host's agent to stop (StopHost); the service refuses a host that is not running. */
    public void stop(HostDto h) {
        Feedback.run("host.stopRequested", () -> hosts.stop(h.id()), h.name());
    }

    public void delete(HostDto h) {
        Feedback.run("host.deleted", () -> hosts.delete(h.id()), h.name());
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", h -> hosts.block(h.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", h -> hosts.unblock(h.id()));
    }

    public void bulkStop() {
        Bulk.apply(selected, "action.stop", h -> hosts.stop(h.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", h -> hosts.delete(h.id()));
        selected.clear();
    }

    public ServiceLazyModel<HostDto> getModel() {
        return model;
    }

    public List<HostDto> getSelected() {
        return selected;
    }

    public void setSelected(List<HostDto> s) {
        selected = s == null ? new ArrayList<>() : new ArrayList<>(s);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
