package org.qvd.fault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Figures;
import org.qvd.fault.platform.Probe;
import org.qvd.launcher.QvdSystem;

/**
 * Fault 6 of issue 13: another process holds the L7R's port when WildFly starts. qvd.ear still deploys (admins
 * can reach the WAT and the API to see what is wrong), but {@code 9990/health/ready} must say DOWN, naming the
 * L7R listener and why, so a load balancer sends no QVD client to this node; the other checks stay UP.
 */
class L7rPortTakenIT {

    @Test
    void readinessIsDownAndNamesTheListenerWhenItsPortIsTaken() throws Exception {
        var config = FaultSystem.config("L7rPortTakenIT", Map.of());
        try (ServerSocket squatter = new ServerSocket(config.effective(config.l7rPort()));
                QvdSystem system = QvdSystem.start(config)) {
            Probe probe = new Probe(system);
            Duration seen = probe.await(
                    "readiness names the L7R listener",
                    Duration.ofSeconds(60),
                    () -> !"absent".equals(probe.readiness().check("l7r-listener"))
                            && !"starting".equals(errorOf(probe.readiness())));
            Figures.print("l7r-port-taken", "readiness verdict after deployment", seen);
            Probe.Readiness ready = probe.readiness();
            assertThat(ready.status()).as("%s", ready).isEqualTo(503);
            assertThat(ready.check("l7r-listener")).isEqualTo("DOWN");
            assertThat(errorOf(ready)).contains("Address already in use");
            assertThat(ready.check("database")).isEqualTo("UP");
            assertThat(ready.check("broker")).isEqualTo("UP");
            assertThat(squatter.isBound()).isTrue();

            await("stays DOWN: the listener does not come by itself")
                    .during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(7))
                    .until(() -> probe.readiness().status() == 503);
        }
    }

    private static String errorOf(Probe.Readiness ready) {
        if (ready.body() == null) {
            return "";
        }
        for (var check : ready.body().path("checks")) {
            if ("l7r-listener".equals(check.path("name").asText())) {
                return check.path("data").path("error").asText();
            }
        }
        return "";
    }
}
