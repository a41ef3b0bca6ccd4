package org.qvd.vmas.host.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.vmas.host.control.HeartbeatBatch.Received;

/**
 * Where this node's heartbeats wait (at most {@link #FLUSH_MILLIS}) to be applied together by {@link HeartbeatBatch}:
 * one transaction for all the hosts that beat meanwhile instead of one per beat. Only a host's newest beat is kept
 * (a beat says everything the one before said). A beat is acknowledged to the broker when it is taken here, so a
 * node that dies loses at most this moment's beats: each host beats again within its period, and its loss is judged
 * on a timeout of several periods.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeartbeatInbox {

    private static final Logger LOG = Logger.getLogger(HeartbeatInbox.class.getName());
    /** How long a beat may wait: the heartbeat-to-database lag stays well under a second. */
    static final long FLUSH_MILLIS = 200;
    /** A beat that cannot be applied is tried again at each flush for this long (a host's loss timeout is 15 s). */
    private static final long RETRY_SECONDS = 60;

    private final Map<String, Received> waiting = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    HeartbeatBatch batch;

    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flusher.cancel(false);
    }

    /** Takes a heartbeat off the broker; a newer one from the same host replaces it. */
    public void offer(HostHeartbeat beat) {
        waiting.put(beat.hostName(), new Received(beat, Instant.now()));
    }

    private void flush() {
        List<Received> beats = new ArrayList<>();
        for (String host : List.copyOf(waiting.keySet())) {
            Received r = waiting.remove(host);
            if (r != null) {
                beats.add(r);
            }
        }
        if (beats.isEmpty()) {
            return;
        }
        try {
            batch.applyAll(beats);
        } catch (RuntimeException e) {
            // e.g. a host an admin stopped meanwhile (its runtime's version moved): the others must not wait for it
            LOG.log(Level.FINE, "a batch of heartbeats failed; applying them one by one", e);
            for (Received r : beats) {
                try {
                    batch.applyOne(r);
                } catch (RuntimeException single) {
                    retryLater(r, single);
                }
            }
        }
    }

    /**
     * E.g. while the database is away: the beat waits for the next flush (as the broker redelivered it before), unless
     * a newer one came, so hosts are alive again as soon as the database is back, before the loss detector's round.
     */
    private void retryLater(Received r, RuntimeException failure) {
        if (r.at().isAfter(Instant.now().minusSeconds(RETRY_SECONDS))) {
            waiting.putIfAbsent(r.beat().hostName(), r);
            LOG.fine(() -> "heartbeat of host " + r.beat().hostName() + " not applied yet: " + failure.getMessage());
        } else {
            LOG.warning(() -> "heartbeat of host " + r.beat().hostName() + " not applied: " + failure.getMessage());
        }
    }
}
