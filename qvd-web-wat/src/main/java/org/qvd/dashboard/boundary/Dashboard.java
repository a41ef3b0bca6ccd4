package org.qvd.dashboard.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.qvd.account.boundary.UserRequests.UserFilter;
import org.qvd.account.boundary.UserService;
import org.qvd.host.boundary.HostDto;
import org.qvd.host.boundary.HostRequests.HostFilter;
import org.qvd.host.boundary.HostService;
import org.qvd.image.boundary.DiService;
import org.qvd.image.boundary.OsfService;
import org.qvd.vm.boundary.VmDto;
import org.qvd.vm.boundary.VmRequests.VmFilter;
import org.qvd.vm.boundary.VmService;
import org.qvd.vmas.platform.PageRequest;
import org.qvd.wat.platform.AdminSession;
import org.qvd.wat.platform.Feedback;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The home screen. Every number comes from the services' list totals, so an admin sees only its
 * tenant's objects and only the kinds of objects its ACLs allow. Refreshed by p:poll.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> VM_STATES = List.of("stopped", "starting", "running", "stopping", "zombie", "debugging");
    static final List<String> HOST_STATES = List.of("stopped", "starting", "running", "stopping", "lost");
    /** Running VMs scanned for connected users and expiries (no aggregate query exists yet). */
    static final int RUNNING_SCAN_LIMIT = 1000;

    @Inject
    AdminSession session;
    @Inject
    UserService users;
    @Inject
    VmService vms;
    @Inject
    HostService hosts;
    @Inject
    OsfService osfs;
    @Inject
    DiService dis;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> vmsByState = new LinkedHashMap<>();
    private final Map<String, Long> hostsByState = new LinkedHashMap<>();
    private final List<HostLoad> hostLoads = new ArrayList<>();
    private final List<VmDto> expiring = new ArrayList<>();
    private Instant refreshedAt;

    /** One host's load and number of VMs. */
    public record HostLoad(String name, String state, double load, long vms) implements Serializable {
    }

    @PostConstruct
    public void refresh() {
        counts.clear();
        vmsByState.clear();
        hostsByState.clear();
        hostLoads.clear();
        expiring.clear();
        try {
            if (session.can("user.see")) {
                counts.put("users", users.list(UserFilter.any(), one()).total());
                counts.put("usersBlocked", users.list(new UserFilter(null, null, true), one()).total());
            }
            if (session.can("vm.see")) {
                loadVms();
            }
            if (session.can("host.see")) {
                loadHosts();
            }
            if (session.can("osf.see")) {
                counts.put("osfs", osfs.list(null, one()).total());
            }
            if (session.can("di.see")) {
                counts.put("dis", dis.list(null, one()).total());
            }
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        refreshedAt = Instant.now();
    }

    private void loadVms() {
        counts.put("vms", vms.list(VmFilter.any(), one()).total());
        counts.put("vmsBlocked", vms.list(new VmFilter(null, null, null, null, null, null, true), one()).total());
        for (String state : VM_STATES) {
            vmsByState.put(state, vms.list(new VmFilter(null, null, null, null, null, state, null), one()).total());
        }
        long connected = 0;
        for (int page = 0; page * PageRequest.MAX_SIZE < RUNNING_SCAN_LIMIT; page++) {
            var rows = vms.list(new VmFilter(null, null, null, null, null, "running", null),
                    PageRequest.of(page, PageRequest.MAX_SIZE, "id", false)).items();
            for (VmDto vm : rows) {
                if ("connected".equals(vm.userState())) {
                    connected++;
                }
                if (vm.expirationSoft() != null || vm.expirationHard() != null) {
                    expiring.add(vm);
                }
            }
            if (rows.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        counts.put("connected", connected);
        expiring.sort(Comparator.comparing(Dashboard::nextExpiry));
        if (expiring.size() > 10) {
            expiring.subList(10, expiring.size()).clear();
        }
    }

    private void loadHosts() {
        counts.put("hosts", hosts.list(HostFilter.any(), one()).total());
        for (String state : HOST_STATES) {
            hostsByState.put(state, hosts.list(new HostFilter(null, state, null), one()).total());
        }
        boolean seesVms = session.can("vm.see");
        for (HostDto h : hosts.list(HostFilter.any(), PageRequest.of(0, 50, "name", false)).items()) {
            long onHost = seesVms ? vms.list(new VmFilter(null, null, null, h.id(), null, null, null), one()).total() : 0;
            hostLoads.add(new HostLoad(h.name(), h.state(), h.load() == null ? 0 : h.load(), onHost));
        }
    }

    static Instant nextExpiry(VmDto vm) {
        return vm.expirationSoft() != null ? vm.expirationSoft() : vm.expirationHard();
    }

    private static PageRequest one() {
        return PageRequest.first(1);
    }

    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    public boolean has(String key) {
        return counts.containsKey(key);
    }

    public Map<String, Long> getVmsByState() {
        return vmsByState;
    }

    public Map<String, Long> getHostsByState() {
        return hostsByState;
    }

    public List<HostLoad> getHostLoads() {
        return hostLoads;
    }

    public List<VmDto> getExpiring() {
        return expiring;
    }

    public Instant getRefreshedAt() {
        return refreshedAt;
    }

    public String getVmChart() {
        return Charts.pie(Feedback.text("dashboard.vmsByState"), labels(VM_STATES, "vm.state."), vmsByState.values());
    }

    public String getHostChart() {
        return Charts.pie(Feedback.text("dashboard.hostsByState"), labels(HOST_STATES, "host.state."),
                hostsByState.values());
    }

    public String getHostLoadChart() {
        return Charts.bars(hostLoads.stream().map(HostLoad::name).toList(),
                Feedback.text("dashboard.vmCount"), hostLoads.stream().map(h -> (Number) h.vms()).toList(),
                Feedback.text("dashboard.load"), hostLoads.stream().map(h -> (Number) h.load()).toList());
    }

    private static List<String> labels(List<String> states, String prefix) {
        return states.stream().map(s -> Feedback.text(prefix + s)).toList();
    }
}
