package org.qvd.vmas.it;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmService;
import org.qvd.vmas.vm.boundary.VmStateHistoryDto;

/** What an admin sees of hosts and VMs while a test drives them, and waiting for the VMAS to get there. */
@Dependent
public class FarmView {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    HostService hosts;

    @Inject
    VmService vms;

    /** The host of that name, or null while it has not joined. */
    public HostDto hostNamed(String name) throws Exception {
        return As.superadmin(() -> hosts.list(new HostFilter(name, null, null), PageRequest.first(5)).items().stream()
                .filter(h -> h.name().equals(name))
                .findFirst()
                .orElse(null));
    }

    public VmDto vm(long id) throws Exception {
        return As.superadmin(() -> vms.get(id));
    }

    public List<VmStateHistoryDto> history(long id) throws Exception {
        return As.superadmin(() -> vms.history(id, PageRequest.first(50)).items());
    }

    /**
     * Reads until the value satisfies {@code until}; fails after {@link #WAIT}. Polls in the test's own thread: the
     * reads run as the superadmin it logged in as.
     */
    public static <T> T await(Callable<T> read, Predicate<T> until) {
        return Awaitility.await()
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .pollInSameThread()
                .until(read, until::test);
    }

    /**
     * Checks the value satisfies {@code holds} throughout {@code window} (late or redelivered messages must not
     * change it), reading it every 200 ms.
     */
    public static <T> void stays(Callable<T> read, Predicate<T> holds, Duration window) {
        Awaitility.await()
                .during(window)
                .atMost(window.plus(WAIT))
                .pollInterval(Duration.ofMillis(200))
                .pollInSameThread()
                .until(read, holds::test);
    }
}
