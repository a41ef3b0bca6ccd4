package org.qvd.l7r.session.boundary;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.qvd.l7r.session.entity.VmUnavailableException;

/**
 * One call into the {@link org.qvd.l7r.session.control.SessionBackend}: made on the worker executor (it may block), its
 * result handed back on the connection's event loop, bounded by a timeout, cancellable. {@code done} runs exactly
 * once, on the event loop, unless the call is cancelled first.
 */
final class BackendCall<T> {

    private final EventLoop loop;
    private final BiConsumer<T, Throwable> done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CompletableFuture<Void> invoked = new CompletableFuture<>();
    private volatile CompletionStage<T> stage;
    private volatile ScheduledFuture<?> timer;

    private BackendCall(EventLoop loop, BiConsumer<T, Throwable> done) {
        this.loop = loop;
        this.done = done;
    }

    static <T> BackendCall<T> start(
            ConnectorContext cx,
            EventLoop loop,
            Duration timeout,
            String what,
            Supplier<CompletionStage<T>> call,
            BiConsumer<T, Throwable> done) {
        return start(cx.worker(), loop, timeout, what, call, done);
    }

    /** The same on another executor (e.g. the connector's login lane). */
    static <T> BackendCall<T> start(
            Executor worker,
            EventLoop loop,
            Duration timeout,
            String what,
            Supplier<CompletionStage<T>> call,
            BiConsumer<T, Throwable> done) {
        BackendCall<T> c = new BackendCall<>(loop, done);
        if (!timeout.isZero()) {
            c.timer = loop.schedule(
                    () -> c.finish(null, new TimeoutException("timed out " + what)),
                    timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        try {
            worker.execute(() -> c.invoke(call));
        } catch (RejectedExecutionException busy) {
            c.invoked.complete(null);
            c.finish(null, new VmUnavailableException("the server is too busy"));
        }
        return c;
    }

    /**
     * The same for a call that first waits for its turn on {@code lane} (a login in a logon storm): its
     * {@code timeout} counts from when it starts to run, and the wait for its turn is bounded by {@code turnLimit}.
     * A storm of hash checks longer than {@code timeout} then serves its last users late instead of refusing them.
     */
    static <T> BackendCall<T> startInTurn(
            LoginLane lane,
            EventLoop loop,
            Duration turnLimit,
            Duration timeout,
            String what,
            Supplier<CompletionStage<T>> call,
            BiConsumer<T, Throwable> done) {
        BackendCall<T> c = new BackendCall<>(loop, done);
        c.timer = c.schedule(turnLimit, "waiting for its turn " + what);
        lane.execute(
                () -> {
                    if (c.finished.get()) {
                        c.invoked.complete(null); // timed out or cancelled while waiting: never called
                        return;
                    }
                    ScheduledFuture<?> waiting = c.timer;
                    c.timer = c.schedule(timeout, what);
                    if (waiting != null) {
                        waiting.cancel(false);
                    }
                    c.invoke(call);
                },
                loop);
        return c;
    }

    private ScheduledFuture<?> schedule(Duration timeout, String what) {
        return timeout.isZero()
                ? null
                : loop.schedule(
                        () -> finish(null, new TimeoutException("timed out " + what)),
                        timeout.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** A synchronous backend method as a call. */
    static <T> Supplier<CompletionStage<T>> sync(Supplier<T> method) {
        return () -> CompletableFuture.completedFuture(method.get());
    }

    /**
     * Completes once the backend method itself has returned (or thrown), whatever its stage does later: a record
     * that must come after this call's side effects (e.g. {@code DISCONNECTED} after {@code takeOver}) waits for it.
     */
    CompletableFuture<Void> invoked() {
        return invoked;
    }

    void cancel() {
        if (finished.compareAndSet(false, true)) {
            stopTimer();
            cancelStage();
        }
    }

    private void invoke(Supplier<CompletionStage<T>> call) {
        try {
            CompletionStage<T> s;
            try {
                s = call.get();
            } finally {
                invoked.complete(null);
            }
            stage = s;
            if (finished.get()) {
                cancelStage();
                return;
            }
            s.whenComplete((value, error) -> loop.execute(() -> finish(value, unwrap(error))));
        } catch (Throwable t) {
            loop.execute(() -> finish(null, t));
        }
    }

    private void finish(T value, Throwable error) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        stopTimer();
        if (error != null) {
            cancelStage();
        }
        done.accept(value, error);
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void cancelStage() {
        CompletionStage<T> s = stage;
        if (s != null) {
            try {
                s.toCompletableFuture().cancel(false);
            } catch (UnsupportedOperationException notCancellable) {
                // a stage that cannot be cancelled simply completes unobserved
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
