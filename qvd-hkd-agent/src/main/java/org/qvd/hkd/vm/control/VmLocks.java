package org.qvd.hkd.vm.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per VM: commands for the same VM run one after the other, so a duplicate waits for the first
 * and then finds its work done.
 */
public final class VmLocks {

    private final ConcurrentHashMap<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(long vmId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(vmId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void withLock(long vmId, Runnable work) {
        withLock(vmId, () -> {
            work.run();
            return null;
        });
    }
}
