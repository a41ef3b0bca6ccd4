package org.qvd.vmas.host.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qvd.protocol.state.DesktopKind;

/**
 * Picks the host for a VM. QVD's formula, {@code (w_ram * freeRam + w_cpu * freeCpu) / (vms + 1)}, plus
 * the capacity check QVD lacked: a host without enough free memory for the VM is no candidate.
 * Deterministic (QVD added a random term; ties here go to the lower host id).
 */
public final class HostPlacement {

    /** What placement needs to know of a running, unblocked host, including the desktop kinds it offers. */
    public record Candidate(
            long hostId,
            String name,
            long freeRamMb,
            int cpus,
            double load,
            int vmCount,
            long committedRamMb,
            Set<DesktopKind> kinds) {

        public Candidate {
            kinds = Set.copyOf(kinds);
        }

        /** A host that runs VMs only. */
        public Candidate(
                long hostId, String name, long freeRamMb, int cpus, double load, int vmCount, long committedRamMb) {
            this(hostId, name, freeRamMb, cpus, load, vmCount, committedRamMb, Set.of(DesktopKind.VM));
        }

        double freeCpu() {
            return Math.max(0, cpus - load);
        }

        /** RAM still free for new VMs: the host's free memory minus what VMs starting there will take. */
        long availableRamMb() {
            return freeRamMb - committedRamMb;
        }
    }

    private final double ramWeight;
    private final double cpuWeight;

    public HostPlacement(double ramWeight, double cpuWeight) {
        if (ramWeight < 0 || cpuWeight < 0) {
            throw new IllegalArgumentException("placement weights must not be negative");
        }
        this.ramWeight = ramWeight;
        this.cpuWeight = cpuWeight;
    }

    public double score(Candidate c) {
        return (ramWeight * c.availableRamMb() / 1024.0 + cpuWeight * c.freeCpu()) / (c.vmCount() + 1);
    }

    /** The best candidate with room for a VM of {@code memoryMb}, or empty when none has. */
    public Optional<Candidate> choose(List<Candidate> candidates, long memoryMb) {
        return choose(candidates, memoryMb, DesktopKind.VM);
    }

    /**
     * The best candidate offering {@code kind} with room for {@code memoryMb}, or empty when none has. A container's
     * memory is a limit rather than a reservation, but counting it like a VM's keeps a host from promising more than
     * it has when the desktops get busy.
     */
    public Optional<Candidate> choose(List<Candidate> candidates, long memoryMb, DesktopKind kind) {
        return candidates.stream()
                .filter(c -> c.kinds().contains(kind))
                .filter(c -> c.availableRamMb() >= memoryMb)
                .max(Comparator.comparingDouble(this::score)
                        .thenComparing(
                                Comparator.comparingLong(Candidate::hostId).reversed()));
    }
}
