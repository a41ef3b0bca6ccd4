package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * {@code POST /hosts/{id}/stop} with the real HKD agent process (libvirt's test driver): the agent gets
 * StopHost, reports itself stopped and ends; the host goes {@code stopping → stopped}, never {@code lost},
 * and is {@code running} again when the agent starts anew.
 */
@ExtendWith(RunningSystem.class)
class HostStopWithAgentIT {

    @Test
    void theRealAgentStopsItselfAndTheHostEndsStoppedNotLost(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        String name = system.config().hkdHostName();
        system.killLocalHkd(); // one agent per host name: replace whichever runs
        system.startLocalHkd();
        JsonNode host = awaitHost(api, name, "running", Duration.ofSeconds(60), system);

        Instant asked = Instant.now();
        Api.Reply stopping = api.post("/hosts/" + host.get("id").asLong() + "/stop", "");
        assertThat(stopping.status()).as("%s", stopping.body()).isEqualTo(200);
        assertThat(stopping.body().get("state").asText()).isEqualTo("stopping");
        awaitHost(api, name, "stopped", Duration.ofSeconds(60), system);
        System.out.println("host stopped by its agent "
                + Duration.between(asked, Instant.now()).toMillis() + " ms after POST /stop");
        // the agent reports stopped, then closes its connections and exits: seconds on a busy machine
        await("the agent ends itself after its host stopped")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> system.localHkdPid().isEmpty());
        assertThat(system.killLocalHkd())
                .as("the agent ended itself within 30 s of its host stopped")
                .isFalse();

        // longer than the heartbeat timeout (15 s): the loss detector leaves a host stopped on purpose alone
        await("host " + name + " stays stopped")
                .during(Duration.ofSeconds(20))
                .atMost(Duration.ofSeconds(25))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> hostNamed(api, name).get("state").asText(), "stopped"::equals);

        system.startLocalHkd();
        awaitHost(api, name, "running", Duration.ofSeconds(60), system);
    }

    private static JsonNode awaitHost(Api api, String name, String state, Duration timeout, QvdSystem system)
            throws InterruptedException {
        return await("host " + name + " " + state)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> hostNamed(api, name),
                        host -> host != null && state.equals(host.get("state").asText()));
    }

    private static JsonNode hostNamed(Api api, String name) {
        for (JsonNode h : api.get("/hosts?name=" + name + "&size=50").body().get("items")) {
            if (h.get("name").asText().equals(name)) {
                return h;
            }
        }
        return null;
    }
}
