package org.qvd.vmas.vm.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastConnectionTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void anOpenedConnectionIsOpenUntilClosed() {
        assertThat(LastConnection.opened(T0, "l7r-1").isOpen()).isTrue();
        assertThat(LastConnection.closed(T0, T0.plusSeconds(5), 10, 20, "l7r-1").isOpen())
                .isFalse();
    }

    @Test
    void refusesAConnectionClosingBeforeItOpensOrNegativeBytes() {
        assertThatThrownBy(() -> LastConnection.closed(T0, T0.minusSeconds(1), 0, 0, "n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LastConnection.closed(T0, T0, -1, 0, "n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void abandoningAnOpenConnectionEndsItWithUnknownBytesAndLeavesAClosedOneAlone() {
        LastConnection abandoned = LastConnection.opened(T0, "dead").abandoned(T0.plusSeconds(30));
        assertThat(abandoned.getDisconnectedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(abandoned.getBytesFromClient()).isNull();
        assertThat(abandoned.getNode()).isEqualTo("dead");
        LastConnection closed = LastConnection.closed(T0, T0.plusSeconds(5), 1, 2, "n");
        assertThat(closed.abandoned(T0.plusSeconds(60))).isSameAs(closed);
    }
}
