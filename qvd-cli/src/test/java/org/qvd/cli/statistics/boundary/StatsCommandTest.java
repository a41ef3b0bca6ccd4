package org.qvd.cli.statistics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.cli.platform.RestClient;

class StatsCommandTest {

    @Test
    void flattensTheSectionsTheCallerMaySeeIntoOneRowPerNumber() throws Exception {
        JsonNode stats = RestClient.JSON.readTree("""
                {"users": {"total": 3, "blocked": 1},
                 "vms": {"total": 2, "blocked": 0, "byState": {"stopped": 1, "running": 1},
                         "byUserState": {"connected": 1}},
                 "hosts": null, "osfs": 4, "dis": null, "hostLoads": [], "expiring": []}""");
        List<String> rows = new ArrayList<>();
        StatsCommand.figures(stats)
                .forEach(r ->
                        rows.add(r.get("figure").asText() + "=" + r.get("value").asText()));
        assertThat(rows)
                .containsExactly(
                        "users.total=3",
                        "users.blocked=1",
                        "vms.total=2",
                        "vms.blocked=0",
                        "vms.state.stopped=1",
                        "vms.state.running=1",
                        "vms.userstate.connected=1",
                        "osfs=4");
    }
}
