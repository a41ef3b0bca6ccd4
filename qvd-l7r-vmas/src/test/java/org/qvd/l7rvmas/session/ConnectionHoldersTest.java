package org.qvd.l7rvmas.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.ConnectionId;

class ConnectionHoldersTest {

    private final ConnectionHolders holders = new ConnectionHolders();
    private final List<String> aborted = new ArrayList<>();

    @Test
    void abortsOtherHoldersOfTheVmButNotTheNewcomer() {
        ConnectionId old = new ConnectionId("n1", "a");
        ConnectionId newcomer = new ConnectionId("n1", "b");
        holders.hold(old, 7, reason -> aborted.add("a:" + reason));
        holders.hold(newcomer, 7, reason -> aborted.add("b:" + reason));
        holders.hold(new ConnectionId("n1", "c"), 8, reason -> aborted.add("c:" + reason));

        assertThat(holders.abortOthers(7, newcomer.toString(), "taken over")).isEqualTo(1);
        assertThat(aborted).containsExactly("a:taken over");
        assertThat(holders.active(old)).isEmpty();
        assertThat(holders.active(newcomer)).isPresent();
        assertThat(holders.abortOthers(7, newcomer.toString(), "again"))
                .as("aborted once only")
                .isZero();
    }

    @Test
    void releaseReturnsWhatTheConnectionHeldOnce() {
        ConnectionId c = new ConnectionId("n1", "a");
        holders.hold(c, 7, reason -> {});
        assertThat(holders.release(c, Instant.now()))
                .hasValueSatisfying(h -> assertThat(h.vmId()).isEqualTo(7));
        assertThat(holders.release(c, Instant.now())).isEmpty();
        assertThat(holders.size()).isZero();
    }

    @Test
    void connectionThatEndedBeforeItWasRecordedCannotHoldTheVm() {
        ConnectionId c = new ConnectionId("n1", "late");
        assertThat(holders.release(c, Instant.now())).isEmpty();
        assertThat(holders.hold(c, 7, reason -> {})).isFalse();
        assertThat(holders.active(c)).isEmpty();
    }
}
