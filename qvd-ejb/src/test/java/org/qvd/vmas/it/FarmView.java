package org.qvd.vmas.it;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.platform.PageRequest;
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

    /** Reads until the value satisfies {@code until}; fails with the last value after {@link #WAIT}. */
    public static <T> T await(Callable<T> read, Predicate<T> until) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        T value = read.call();
        while (!until.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + WAIT.toSeconds() + " s; last value: " + value);
            }
            Thread.sleep(200);
            value = read.call();
        }
        return value;
    }
}
