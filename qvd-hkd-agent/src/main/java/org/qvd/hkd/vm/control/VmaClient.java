package org.qvd.hkd.vm.control;

import java.util.concurrent.CompletableFuture;

/**
 * The calls the HKD makes to the VMA inside a VM (ARCHITECTURE §5). An interface because under libvirt's
 * test driver no guest exists to answer: tests use a stand-in, named as such.
 *
 * <p>{@code key} is the VM's per-start VMA key (contract C1), sent as header {@code X-QVD-VMA-Key}; {@code null}
 * for a VM started without one.
 */
public interface VmaClient {

    /** Whether the VMA at this address answers {@code /vma/ping} now. Never throws. */
    boolean ping(String ip, String key);

    /**
     * The same ping without holding the caller's thread: a boot wait fires one and is told the answer, so any
     * number of starts wait on one timer thread. Never completes exceptionally.
     */
    default CompletableFuture<Boolean> pingAsync(String ip, String key) {
        return CompletableFuture.completedFuture(ping(ip, key));
    }

    /** Asks the VMA to power the guest off; false if it did not accept. Never throws. */
    boolean poweroff(String ip, String key);
}
