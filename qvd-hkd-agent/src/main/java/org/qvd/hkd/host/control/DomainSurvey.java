package org.qvd.hkd.host.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.qvd.hkd.vm.entity.VmDomain;

/**
 * The QVD domains libvirt lists, asked on a thread of its own so that a heartbeat waits for it at most a bound.
 * libvirt answers a listing only once a domain it is creating is up, and on a loaded host under software emulation
 * that took 110 s here: heartbeats stuck behind it made the VMAS declare a healthy host lost and reap its VMs. Past
 * the bound the caller gets the last list libvirt gave; the question stays asked, and a later call gets its answer.
 * Before libvirt has answered once, every caller waits: an empty list would tell the VMAS the host runs nothing.
 */
public final class DomainSurvey {

    private static final Logger LOG = Logger.getLogger(DomainSurvey.class.getName());

    private final Supplier<List<VmDomain>> lister;
    // one thread at most, gone when idle: a survey per agent, but tests build many
    private final ThreadPoolExecutor worker =
            new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread thread = new Thread(r, "hkd-domain-survey");
                thread.setDaemon(true);
                return thread;
            });
    private Future<List<VmDomain>> pending;
    private List<VmDomain> last;
    private boolean lagging;

    public DomainSurvey(Supplier<List<VmDomain>> lister) {
        this.lister = lister;
    }

    /** The domains as libvirt lists them now, waiting for its answer however long it takes. */
    public synchronized List<VmDomain> now() {
        return answer(null);
    }

    /** The domains libvirt lists within {@code bound}, else the last list it gave (once it has given one). */
    public synchronized List<VmDomain> within(Duration bound) {
        return answer(last == null ? null : bound);
    }

    private List<VmDomain> answer(Duration bound) {
        if (pending == null) {
            pending = worker.submit(lister::get);
        }
        try {
            List<VmDomain> listed =
                    bound == null ? pending.get() : pending.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            pending = null;
            last = listed;
            if (lagging) {
                lagging = false;
                LOG.info("libvirt lists the domains again");
            }
            return listed;
        } catch (TimeoutException e) {
            if (!lagging) {
                lagging = true;
                LOG.warning(() -> "libvirt has not listed the domains within " + bound.toMillis()
                        + " ms (busy creating a domain?); heartbeats report the last list until it answers");
            }
            return last;
        } catch (ExecutionException e) {
            pending = null;
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("listing domains failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (last == null) {
                throw new IllegalStateException("interrupted while listing domains", e);
            }
            return last;
        }
    }
}
