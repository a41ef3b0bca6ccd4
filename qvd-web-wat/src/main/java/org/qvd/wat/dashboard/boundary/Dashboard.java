package org.qvd.wat.dashboard.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.statistics.boundary.StatisticsDto;
import org.qvd.vmas.statistics.boundary.StatisticsService;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.wat.platform.Feedback;

/**
 * The home screen, from one statistics call per refresh (p:poll): the service counts only the admin's
 * tenant and leaves out what its ACLs do not let it see, so a missing section means no card or chart.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> VM_STATES = WireNamed.names(VmState.class);
    static final List<String> HOST_STATES = WireNamed.names(HostState.class);
    /** VMs close to expiry shown in the table. */
    static final int EXPIRING = 10;
    /** Hosts in the load chart (a bar chart of hundreds of hosts says nothing). */
    static final int CHARTED_HOSTS = 50;

    @Inject
    StatisticsService statistics;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> vmsByState = new LinkedHashMap<>();
    private final Map<String, Long> hostsByState = new LinkedHashMap<>();
    private final List<HostLoad> hostLoads = new ArrayList<>();
    private final List<VmDto> expiring = new ArrayList<>();
    private Instant refreshedAt;

    /** One host's load and number of VMs. */
    public record HostLoad(String name, String state, double load, long vms) implements Serializable {}

    @PostConstruct
    public void refresh() {
        counts.clear();
        vmsByState.clear();
        hostsByState.clear();
        hostLoads.clear();
        expiring.clear();
        try {
            show(statistics.summary(null, EXPIRING));
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        refreshedAt = Instant.now();
    }

    private void show(StatisticsDto s) {
        if (s.users() != null) {
            counts.put("users", s.users().total());
            counts.put("usersBlocked", s.users().blocked());
        }
        if (s.vms() != null) {
            counts.put("vms", s.vms().total());
            counts.put("vmsBlocked", s.vms().blocked());
            counts.put("connected", s.vms().connectedUsers());
            for (VmState state : VmState.values()) {
                vmsByState.put(state.wireName(), s.vms().byState().getOrDefault(state, 0L));
            }
            expiring.addAll(s.expiring());
        }
        if (s.hosts() != null) {
            counts.put("hosts", s.hosts().total());
            for (HostState state : HostState.values()) {
                hostsByState.put(state.wireName(), s.hosts().byState().getOrDefault(state, 0L));
            }
        }
        if (s.osfs() != null) {
            counts.put("osfs", s.osfs());
        }
        if (s.dis() != null) {
            counts.put("dis", s.dis());
        }
        if (s.hostLoads() != null) {
            // VMs per host only for an admin who may see VMs, as everywhere else
            boolean seesVms = s.vms() != null;
            s.hostLoads().stream()
                    .limit(CHARTED_HOSTS)
                    .forEach(h -> hostLoads.add(new HostLoad(
                            h.name(),
                            h.state().wireName(),
                            h.load() == null ? 0 : h.load(),
                            seesVms ? h.vmCount() : 0)));
        }
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
        return Charts.pie(
                Feedback.text("dashboard.hostsByState"), labels(HOST_STATES, "host.state."), hostsByState.values());
    }

    public String getHostLoadChart() {
        return Charts.bars(
                hostLoads.stream().map(HostLoad::name).toList(),
                Feedback.text("dashboard.vmCount"),
                hostLoads.stream().map(h -> (Number) h.vms()).toList(),
                Feedback.text("dashboard.load"),
                hostLoads.stream().map(h -> (Number) h.load()).toList());
    }

    private static List<String> labels(List<String> states, String prefix) {
        return states.stream().map(s -> Feedback.text(prefix + s)).toList();
    }
}
