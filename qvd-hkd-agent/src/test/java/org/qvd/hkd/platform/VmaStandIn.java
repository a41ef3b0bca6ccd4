package org.qvd.hkd.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.qvd.hkd.vm.control.VmaClient;

/**
 * Stands in for the VMA inside a guest, which cannot exist under libvirt's test driver: answers pings after
 * a number of tries (or never) and, on poweroff, runs what the guest would do (destroy its domain).
 */
public final class VmaStandIn implements VmaClient {

    private final int pingsBeforeAnswer;
    private final Consumer<String> onPoweroff;
    private final AtomicInteger pings = new AtomicInteger();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    private VmaStandIn(int pingsBeforeAnswer, Consumer<String> onPoweroff) {
        this.pingsBeforeAnswer = pingsBeforeAnswer;
        this.onPoweroff = onPoweroff;
    }

    /** Answers from the given ping on; powering off does what the consumer does. */
    public static VmaStandIn answeringAfter(int pings, Consumer<String> onPoweroff) {
        return new VmaStandIn(pings, onPoweroff);
    }

    /** A guest whose VMA never comes up. */
    public static VmaStandIn silent() {
        return new VmaStandIn(Integer.MAX_VALUE, ip -> {});
    }

    @Override
    public boolean ping(String ip, String key) {
        calls.add("ping " + ip);
        keys.add(String.valueOf(key));
        return pings.incrementAndGet() > pingsBeforeAnswer;
    }

    @Override
    public boolean poweroff(String ip, String key) {
        calls.add("poweroff " + ip);
        keys.add(String.valueOf(key));
        if (pingsBeforeAnswer == Integer.MAX_VALUE) {
            return false;
        }
        onPoweroff.accept(ip);
        return true;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The VMA key each call carried ("null" for none). */
    public List<String> keys() {
        return List.copyOf(keys);
    }
}
