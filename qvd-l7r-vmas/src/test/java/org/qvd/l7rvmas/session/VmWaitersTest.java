package org.qvd.l7rvmas.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.VmState;

class VmWaitersTest {

    private final VmWaiters waiters = new VmWaiters();

    @Test
    void completesOnlyWaitersOfThatVmWhoseConditionMatches() {
        CompletableFuture<Notice> running = waiters.await(7, n -> n.isVmState(VmState.RUNNING, VmState.STOPPED));
        CompletableFuture<Notice> otherVm = waiters.await(8, n -> n.isVmState(VmState.RUNNING));
        waiters.deliver(Notice.vmState(7, VmState.STARTING, null));
        assertThat(running).isNotDone();
        waiters.deliver(Notice.vmState(7, VmState.STOPPED, "no host"));
        assertThat(running).isCompletedWithValueMatching(n -> "no host".equals(n.reason()));
        assertThat(otherVm).isNotDone();
        assertThat(waiters.size()).isEqualTo(1);
    }

    @Test
    void cancelledWaiterIsForgotten() {
        CompletableFuture<Notice> waiting = waiters.await(7, Notice::isReleased);
        waiting.cancel(false);
        assertThat(waiters.size()).isZero();
        waiters.deliver(Notice.released(7, "n/1"));
        assertThat(waiting).isCancelled();
    }

    @Test
    void releasedNoticeDoesNotCompleteAStateWaiter() {
        CompletableFuture<Notice> running = waiters.await(7, n -> n.isVmState(VmState.RUNNING));
        waiters.deliver(Notice.released(7, "n/1"));
        assertThat(running).isNotDone();
    }
}
