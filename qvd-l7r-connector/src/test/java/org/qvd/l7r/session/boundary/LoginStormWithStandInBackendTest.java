package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;

/**
 * A logon storm whose password checks take longer, all together, than one backend call may take: every user is
 * served in turn (the call's limit counts from when its check starts), none is refused with a 503 for having waited
 * behind the others. Password checks of the stand-in backend take 250 ms; the backend limit is 1 s.
 */
class LoginStormWithStandInBackendTest extends StandInBackendFixture {

    @Override
    void customize() {
        settings.put("backend-timeout", "1");
        backend.passwordCheckMillis = 250;
    }

    @Test
    void usersWaitingTheirTurnLongerThanTheBackendLimitAreServedNotRefused() throws Exception {
        int width = LoginLane.WIDTH_PER_CORE * Runtime.getRuntime().availableProcessors();
        int clients = width * 6; // six rounds of checks in the lane: 1.5 s, beyond the 1 s limit
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    try (L7rWire c = client()) {
                        return c.send(perlList(ALICE_BASIC)).read().status();
                    }
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
            assertThat(backend.authAttempts).hasSize(clients);
        } finally {
            pool.shutdownNow();
        }
    }
}
