package org.qvd.vmas.session.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.session.throttle.L7rLoginFailures.Counters;

/**
 * The L7R throttle's counters on a real, migrated PostgreSQL, used by two "nodes" (two stores, each on its own
 * sessions and threads): what one node counts, the other sees and continues; concurrent failures all count.
 */
class L7rLoginFailuresOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    /** One node's store: its own instance, a new session (transaction) per call, as per EJB call in WildFly. */
    private record Node(String name) {

        Counters update(String key, UnaryOperator<Counters> next) {
            return db.inTransaction(s -> store(s).update(key, next));
        }

        Counters find(String key) {
            return db.inTransaction(s -> store(s).find(key));
        }

        java.util.Map<String, Counters> findAll(List<String> keys) {
            return db.inTransaction(s -> store(s).findAll(keys));
        }

        void clear(String key) {
            db.inTransaction(s -> {
                store(s).clear(key);
                return null;
            });
        }

        int purge(Instant windowStart, Instant now) {
            return db.inTransaction(s -> store(s).purge(windowStart, now));
        }

        private static L7rLoginFailures store(jakarta.persistence.EntityManager em) {
            L7rLoginFailures store = new L7rLoginFailures();
            JpaOnPostgres.inject(store, "em", em);
            return store;
        }
    }

    private static UnaryOperator<Counters> oneMore(Instant now) {
        return old -> old == null
                ? new Counters(1, now, null, null)
                : new Counters(old.failures() + 1, old.firstAt(), old.lockedAt(), old.lockedUntil());
    }

    @Test
    void aLoginsAdmissionReadsAllItsKeysInOneStatementAndMissesWhatHasNoCounters() {
        Node a = new Node("a");
        Instant t0 = Instant.parse("2026-12-06T07:30:00.5Z");
        String address = "a:10.9.0.1";
        String pair = "p:dora@default\u000010.9.0.1";
        String login = "l:dora@default";
        a.update(address, oneMore(t0));
        a.update(login, oneMore(t0));
        a.update(login, oneMore(t0));
        assertThat(a.findAll(List.of(address, pair, login)))
                .containsOnly(
                        java.util.Map.entry(address, new Counters(1, t0, null, null)),
                        java.util.Map.entry(login, new Counters(2, t0, null, null)));
        assertThat(a.findAll(List.of())).isEmpty();
    }

    @Test
    void whatOneNodeCountsTheOtherSeesAndContinues() {
        Node a = new Node("a");
        Node b = new Node("b");
        Instant t0 = Instant.parse("2026-12-06T04:00:00.123456Z");
        String key = "p:alice@default\u000010.0.0.1";
        assertThat(b.find(key)).isNull();
        assertThat(a.update(key, oneMore(t0)).failures()).isEqualTo(1);
        assertThat(b.update(key, oneMore(t0.plusSeconds(1))).failures()).isEqualTo(2);
        assertThat(a.find(key)).isEqualTo(new Counters(2, t0, null, null));

        Instant until = t0.plusSeconds(30);
        b.update(key, old -> new Counters(old.failures() + 1, old.firstAt(), t0.plusSeconds(2), until));
        assertThat(a.find(key)).isEqualTo(new Counters(3, t0, t0.plusSeconds(2), until));

        a.clear(key);
        assertThat(b.find(key)).isNull();
    }

    @Test
    void concurrentFailuresOnTwoNodesAllCount() throws Exception {
        Node a = new Node("a");
        Node b = new Node("b");
        Instant now = Instant.parse("2026-12-06T04:10:00Z");
        String key = "l:mallory@default";
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Counters>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Node node = i % 2 == 0 ? a : b;
                all.add(threads.submit(() -> node.update(key, oneMore(now))));
            }
            for (Future<Counters> f : all) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(a.find(key).failures()).isEqualTo(40);
    }

    @Test
    void keysAreStoredHashedWithTheirKindAndAClientsNulByteIsHarmless() {
        Node a = new Node("a");
        Instant now = Instant.parse("2026-12-06T04:20:00Z");
        a.update("p:eve\u0000@x\u000010.9.9.9", oneMore(now));
        @SuppressWarnings("unchecked")
        List<String> keys = db.inTransaction(
                s -> s.createNativeQuery("SELECT throttle_key FROM l7r_login_throttle WHERE throttle_key LIKE 'p:%'")
                        .getResultList());
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).matches("p:[0-9a-f]{64}"));
    }

    @Test
    void purgeForgetsOnlyKeysOutsideTheWindowAndNotLocked() {
        Node a = new Node("a");
        Instant now = Instant.parse("2026-12-06T04:30:00Z");
        a.update("a:10.1.1.1", oneMore(now.minusSeconds(3600)));
        a.update(
                "a:10.1.1.2",
                old -> new Counters(9, now.minusSeconds(3600), now.minusSeconds(10), now.plusSeconds(50)));
        a.update("a:10.1.1.3", oneMore(now.minusSeconds(60)));
        a.purge(now.minusSeconds(900), now);
        assertThat(a.find("a:10.1.1.1")).isNull();
        assertThat(a.find("a:10.1.1.2")).isNotNull();
        assertThat(a.find("a:10.1.1.3")).isNotNull();
    }
}
