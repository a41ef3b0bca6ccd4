package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.JpaOnPostgres;

/** The throttle's statements on a real, migrated PostgreSQL: what every node of a cluster shares. */
class LoginThrottleOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static LoginThrottle throttle(jakarta.persistence.EntityManager em) {
        LoginThrottle t = new LoginThrottle();
        JpaOnPostgres.inject(t, "em", em);
        return t;
    }

    private static int fail(String key, Instant at, Instant windowStart) {
        Integer n = db.inTransaction(s -> throttle(s).recordFailure(key, at, windowStart));
        return n;
    }

    @Test
    void countsFailuresPerKeyAndStartsAgainAfterAQuietWindow() {
        Instant t0 = Instant.parse("2026-12-06T01:00:00Z");
        String key = "login:count@acme";
        assertThat(fail(key, t0, t0.minusSeconds(900))).isEqualTo(1);
        assertThat(fail(key, t0.plusSeconds(1), t0.minusSeconds(899))).isEqualTo(2);
        assertThat(fail("source:10.1.1.1", t0, t0)).isEqualTo(1);
        Instant later = t0.plusSeconds(2000);
        assertThat(fail(key, later, later.minusSeconds(900))).isEqualTo(1);
    }

    @Test
    void aBlockedKeyRefusesUntilItsTimeAndNeverShortens() {
        Instant now = Instant.parse("2026-12-06T02:00:00Z");
        String key = "source:10.2.2.2";
        db.inTransaction(s -> throttle(s).recordFailure(key, now, now));
        db.inTransaction(s -> {
            throttle(s).block(key, now.plusSeconds(60));
            throttle(s).block(key, now.plusSeconds(10));
            return null;
        });
        Map<String, Instant> blocked = db.inTransaction(s -> throttle(s).blocked(List.of(key, "login:other@x"), now));
        assertThat(blocked).containsOnlyKeys(key).containsValue(now.plusSeconds(60));
        Map<String, Instant> later = db.inTransaction(s -> throttle(s).blocked(List.of(key), now.plusSeconds(61)));
        assertThat(later).isEmpty();
        db.inTransaction(s -> {
            throttle(s).clear(List.of(key));
            return null;
        });
        assertThat(fail(key, now, now)).isEqualTo(1);
    }

    @Test
    void purgeForgetsOnlyQuietUnblockedKeys() {
        Instant now = Instant.parse("2026-12-06T03:00:00Z");
        db.inTransaction(s -> throttle(s).recordFailure("source:old", now.minusSeconds(90_000), now));
        db.inTransaction(s -> throttle(s).recordFailure("source:new", now, now));
        Integer gone = db.inTransaction(s -> throttle(s).purge(now.minusSeconds(86_400), now));
        assertThat(gone).isGreaterThanOrEqualTo(1);
        assertThat(fail("source:new", now, now.minusSeconds(10))).isEqualTo(2);
        assertThat(fail("source:old", now, now.minusSeconds(10))).isEqualTo(1);
    }
}
