package org.qvd.host.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the host for a VM. QVD's formula, {@code (w_ram * freeRam + w_cpu * freeCpu) / (vms + 1)}, plus
 * the capacity check QVD lacked: a host without enough free memory for the VM is no candidate.
 * Deterministic (QVD added a random term; ties here go to the lower host id).
 */
public final class HostPlacement {

    /** What placement needs to know of a running, unblocked host. */
    public record Candidate(long hostId, String name, long freeRamMb, int cpus, double load, int vmCount,
                            long committedRamMb) {

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

    /** The best candidate with room for {@code memoryMb}, or empty when none has. */
    public Optional<Candidate> choose(List<Candidate> candidates, long memoryMb) {
        return candidates.stream()
                .filter(c -> c.availableRamMb() >= memoryMb)
                .max(Comparator.comparingDouble(this::score)
                        .thenComparing(Comparator.comparingLong(Candidate::hostId).reversed()));
    }
}
