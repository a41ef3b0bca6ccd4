package org.qvd.l7r.adapter;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on the server's managed threads: each task is a {@link Work} scheduled on the adapter's
 * {@link WorkManager} (WildFly's JCA default work manager). Netty's event loops are long tasks and carry the
 * long-running hint where the server supports it, so they take the long-running pool and leave the short-running
 * one to the backend calls. A refusal (pool and queue full, server stopping) is a {@link RejectedExecutionException},
 * which the listener already treats as "busy".
 */
final class WorkExecutor implements Executor {

    private final WorkManager workManager;
    private final List<WorkContext> contexts;

    private WorkExecutor(WorkManager workManager, List<WorkContext> contexts) {
        this.workManager = workManager;
        this.contexts = contexts;
    }

    /** For short tasks (backend calls, start-up). */
    static WorkExecutor shortTasks(WorkManager workManager) {
        return new WorkExecutor(workManager, List.of());
    }

    /** For tasks that run until the listener stops (event loops); {@code hinted}: the server takes the hint. */
    static WorkExecutor longTasks(WorkManager workManager, boolean hinted) {
        if (!hinted) {
            return shortTasks(workManager);
        }
        HintsContext hints = new HintsContext();
        hints.setName("qvd-l7r event loop");
        hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        return new WorkExecutor(workManager, List.of(hints));
    }

    @Override
    public void execute(Runnable task) {
        Work work = contexts.isEmpty() ? new Task(task) : new HintedTask(task, contexts);
        try {
            workManager.scheduleWork(work);
        } catch (WorkException e) {
            throw new RejectedExecutionException("the server's work manager refused the task: " + e.getMessage(), e);
        }
    }

    private static class Task implements Work {

        private final Runnable task;

        Task(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // event loops end when the listener stops them; backend calls end on their own
        }
    }

    private static final class HintedTask extends Task implements WorkContextProvider {

        private final List<WorkContext> contexts;

        HintedTask(Runnable task, List<WorkContext> contexts) {
            super(task);
            this.contexts = contexts;
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            return contexts;
        }
    }
}
