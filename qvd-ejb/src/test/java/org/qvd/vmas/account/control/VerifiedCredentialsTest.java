package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The verified-credential cache in front of the real bcrypt check (cost 4 to keep the test quick). */
class VerifiedCredentialsTest {

    private final PasswordHasher hasher = new PasswordHasher(4);
    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), 3, clock::get, 2);

    private boolean check(String password, String hash) {
        return check("user:1", password, hash);
    }

    private boolean check(String account, String password, String hash) {
        return cache.verify(account, hash, password, (p, h) -> {
            slowChecks.incrementAndGet();
            return hasher.verify(p, h);
        });
    }

    @Test
    void aReturningUserCostsNoSecondHashCheckWithinTheExpiry() {
        String hash = hasher.hash("Right-Pw-1");
        assertThat(check("Right-Pw-1", hash)).isTrue();
        assertThat(check("Right-Pw-1", hash)).isTrue();
        assertThat(slowChecks).hasValue(1);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(check("Right-Pw-1", hash)).isTrue();
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedSlowlyAndRefusedAndDropsTheEntry() {
        String hash = hasher.hash("Right-Pw-1");
        check("Right-Pw-1", hash);
        assertThat(check("Wrong-Pw-1", hash)).isFalse();
        assertThat(check("Wrong-Pw-1", hash)).isFalse();
        assertThat(slowChecks).hasValue(3);
        assertThat(check("Right-Pw-1", hash)).isTrue(); // the entry was dropped: checked again
        assertThat(slowChecks).hasValue(4);
    }

    @Test
    void aPasswordChangeMakesTheOldPasswordMissTheCache() {
        String old = hasher.hash("Old-Pw-1");
        assertThat(check("Old-Pw-1", old)).isTrue();
        String changed = hasher.hash("New-Pw-1"); // what the account stores after the change
        assertThat(check("Old-Pw-1", changed)).isFalse();
        assertThat(check("New-Pw-1", changed)).isTrue();
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void forgettingAnAccountCostsItsNextLoginAHashCheck() {
        String hash = hasher.hash("Right-Pw-1");
        check("user:1", "Right-Pw-1", hash);
        check("user:2", "Right-Pw-1", hash);
        cache.forget("user:1");
        assertThat(check("user:1", "Right-Pw-1", hash)).isTrue();
        assertThat(check("user:2", "Right-Pw-1", hash)).isTrue();
        assertThat(slowChecks)
                .as("the forgotten account was checked again, the other was not")
                .hasValue(3);
    }

    @Test
    void theSameHashTextWithAnotherPasswordIsNotAHit() {
        String hash = hasher.hash("Right-Pw-1");
        check("Right-Pw-1", hash);
        assertThat(check("Right-Pw-1 ", hash)).isFalse();
        assertThat(check("", hash)).isFalse();
    }

    @Test
    void staysBoundedAndNeverHoldsThePassword() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hashes.add(hasher.hash("Pw-" + i));
            check("user:" + i, "Pw-" + i, hashes.get(i));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(check("user:4", "Pw-4", hashes.get(4))).isTrue();
    }

    @Test
    void zeroExpiryTurnsTheCacheOff() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 10, clock::get, 1);
        String hash = hasher.hash("Right-Pw-1");
        AtomicInteger slow = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(off.verify(
                            "user:1", hash, "Right-Pw-1", (p, h) -> slow.incrementAndGet() > 0 && hasher.verify(p, h)))
                    .isTrue();
        }
        assertThat(slow).hasValue(3);
    }

    @Test
    void slowChecksRunAtMostOnePerPermitAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(8);
        String hash = hasher.hash("Right-Pw-1");
        for (int i = 0; i < 8; i++) {
            String password = "Wrong-" + i;
            new Thread(() -> {
                        cache.verify("user:1", hash, password, (p, h) -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(
                                        30); // deliberate: a slow check takes time, so the others queue at the gate
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                            return false;
                        });
                        done.countDown();
                    })
                    .start();
        }
        done.await();
        assertThat(most.get()).isEqualTo(2);
    }
}
