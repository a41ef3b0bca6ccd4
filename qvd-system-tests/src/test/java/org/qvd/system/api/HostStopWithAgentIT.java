package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        JsonNode host = await(api, name, "running", Duration.ofSeconds(60), system);

        Instant asked = Instant.now();
        Api.Reply stopping = api.post("/hosts/" + host.get("id").asLong() + "/stop", "");
        assertThat(stopping.status()).as("%s", stopping.body()).isEqualTo(200);
        assertThat(stopping.body().get("state").asText()).isEqualTo("stopping");
        await(api, name, "stopped", Duration.ofSeconds(60), system);
        System.out.println("host stopped by its agent " + Duration.between(asked, Instant.now()).toMillis()
                + " ms after POST /stop");
        // the agent reports stopped, then closes its connections and exits: seconds on a busy machine
        Instant exitBy = Instant.now().plusSeconds(30);
        while (system.localHkdPid().isPresent() && Instant.now().isBefore(exitBy)) {
            Thread.sleep(250);
        }
        assertThat(system.killLocalHkd()).as("the agent ended itself within 30 s of its host stopped").isFalse();

        // longer than the heartbeat timeout (15 s): the loss detector leaves a host stopped on purpose alone
        List<String> seen = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            seen.add(hostNamed(api, name).get("state").asText());
            Thread.sleep(1_000);
        }
        assertThat(seen).containsOnly("stopped");

        system.startLocalHkd();
        await(api, name, "running", Duration.ofSeconds(60), system);
    }

    private static JsonNode await(Api api, String name, String state, Duration timeout, QvdSystem system)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode host = hostNamed(api, name);
        while (host == null || !state.equals(host.get("state").asText())) {
            assertThat(Instant.now()).as("host %s %s; now %s; agent log: %s", name, state, host,
                    system.localHkdLog().orElse(null)).isBefore(deadline);
            Thread.sleep(250);
            host = hostNamed(api, name);
        }
        return host;
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
