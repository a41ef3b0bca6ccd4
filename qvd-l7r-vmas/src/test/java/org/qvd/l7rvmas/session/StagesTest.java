package org.qvd.l7rvmas.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.VmUnavailableException;
import org.qvd.vmas.platform.error.InvalidStateException;
import org.qvd.vmas.vm.entity.VmError;

class StagesTest {

    @Test
    void cancellingTheResultCancelsTheWaitUnderneath() {
        CompletableFuture<String> underneath = new CompletableFuture<>();
        CompletableFuture<Integer> result = Stages.cancelling(underneath.thenApply(String::length), underneath);
        result.cancel(false);
        assertThat(underneath).isCancelled();
    }

    @Test
    void completingTheResultLeavesTheWaitAlone() {
        CompletableFuture<String> underneath = new CompletableFuture<>();
        CompletableFuture<Integer> result = Stages.cancelling(underneath.thenApply(String::length), underneath);
        underneath.complete("four");
        assertThat(result).isCompletedWithValue(4);
        assertThat(underneath).isNotCancelled();
    }

    @Test
    void vmasRefusalBecomesAnUnavailableVmWithItsMessage() {
        assertThatThrownBy(() -> Stages.vmas(() -> {
                    throw new InvalidStateException(
                            VmError.NO_HOST, "no running, unblocked host has 512 MB free for this VM");
                }))
                .isInstanceOf(VmUnavailableException.class)
                .hasMessage("no running, unblocked host has 512 MB free for this VM");
    }

    @Test
    void otherFailuresAreNotShownToTheClient() {
        assertThatThrownBy(() -> Stages.vmas(() -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Stages.attempt(() -> {
                    throw new IllegalStateException("x");
                }))
                .isCompletedExceptionally();
    }
}
