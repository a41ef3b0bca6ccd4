package org.qvd.l7rvmas.session;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.qvd.l7r.session.entity.VmUnavailableException;
import org.qvd.vmas.platform.error.QvdException;

/** How the backend turns VMAS calls and waits into the stages and failures the connector expects. */
final class Stages {

    private static final Logger LOG = Logger.getLogger(Stages.class.getName());

    private Stages() {}

    /** Cancelling what the connector holds also cancels the wait underneath, so its waiter is dropped. */
    static <T> CompletableFuture<T> cancelling(CompletableFuture<T> result, CompletableFuture<?> underneath) {
        result.whenComplete((v, e) -> {
            if (result.isCancelled()) {
                underneath.cancel(false);
            }
        });
        return result;
    }

    static CompletableFuture<Void> attempt(Runnable step) {
        try {
            step.run();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A VMAS refusal (state machine, no host, no image...) is an expected failure whose message the client sees. */
    static void vmas(Runnable call) {
        try {
            call.run();
        } catch (QvdException e) {
            throw new VmUnavailableException(e.getMessage(), e);
        }
    }

    /** For transitions that may already have happened (a stopped VM has no connected user any more). */
    static void quietly(Runnable call) {
        try {
            call.run();
        } catch (QvdException e) {
            LOG.fine(() -> "ignored: " + e.getMessage());
        }
    }
}
