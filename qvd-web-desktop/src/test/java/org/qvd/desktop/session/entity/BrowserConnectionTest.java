package org.qvd.desktop.session.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.QvdUser;

/** The browser's ticket: one use, by its user, before it expires; any wrong try spends it. */
class BrowserConnectionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final BrowserConnection connection =
            new BrowserConnection(new ConnectionId("node", "c1"), new QvdUser(7, "demo@default"), 3, "1280x800");

    @Test
    void aTicketOpensOneWebSocketOfItsUserOnly() {
        connection.ready("secret", NOW.plusSeconds(60));
        assertThat(connection.status().ticket()).isEqualTo("secret");
        assertThat(connection.redeem("secret", 7, NOW)).isTrue();
        assertThat(connection.redeem("secret", 7, NOW)).as("reused").isFalse();
        assertThat(connection.status().phase()).isEqualTo("relaying");
        assertThat(connection.status().ticket()).as("no longer shown").isNull();
    }

    @Test
    void anotherUsersTryRefusesAndSpendsTheTicket() {
        connection.ready("secret", NOW.plusSeconds(60));
        assertThat(connection.redeem("secret", 8, NOW)).isFalse();
        assertThat(connection.redeem("secret", 7, NOW))
                .as("spent by the wrong try")
                .isFalse();
    }

    @Test
    void aForgedOrLateTicketIsRefused() {
        connection.ready("secret", NOW.plusSeconds(60));
        assertThat(connection.redeem("guess", 7, NOW)).isFalse();
        BrowserConnection late =
                new BrowserConnection(new ConnectionId("node", "c2"), new QvdUser(7, "demo@default"), 3, "1280x800");
        late.ready("secret", NOW.plusSeconds(60));
        assertThat(late.redeem("secret", 7, NOW.plusSeconds(60))).as("expired").isFalse();
    }

    @Test
    void aTakeoverIsTheReasonShownWhateverEndsTheConnection() {
        connection.ready("secret", NOW.plusSeconds(60));
        connection.redeem("secret", 7, NOW);
        connection.takenOver("taken over by another client");
        assertThat(connection.end("the browser left")).isTrue();
        assertThat(connection.end("again")).as("ends once").isFalse();
        assertThat(connection.status().reason()).isEqualTo("taken over by another client");
    }
}
