package org.qvd.wat.dashboard.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's chart configurations: what Chart.js receives, whatever the translated texts contain. */
class ChartsTest {

    @Test
    void aPieIsTheChartJsConfigurationTheDashboardAlwaysSent() {
        assertThat(Charts.pie("VMs by state", List.of("running", "stopped"), List.of(3L, 5L)))
                .isEqualTo(
                        "{\"type\":\"doughnut\",\"data\":{\"labels\":[\"running\",\"stopped\"],\"datasets\":[{\"data\":[3,5],"
                                + "\"backgroundColor\":[\"#64748b\",\"#f59e0b\"]}]},\"options\":{\"animation\":false,"
                                + "\"plugins\":{\"title\":{\"display\":true,\"text\":\"VMs by state\"},"
                                + "\"legend\":{\"position\":\"right\"}}}}");
    }

    @Test
    void barsCarryTwoDatasetsWithDecimals() {
        JsonObject bars =
                parse(Charts.bars(List.of("node1", "node2"), "RAM %", List.of(12.5, 80), "VMs", List.of(1, 2)));
        assertThat(bars.getString("type")).isEqualTo("bar");
        assertThat(bars.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(0)
                        .getJsonArray("data")
                        .getJsonNumber(0)
                        .doubleValue())
                .isEqualTo(12.5);
        assertThat(bars.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(1)
                        .getString("label"))
                .isEqualTo("VMs");
    }

    @Test
    void textsWithQuotesBackslashesAndControlCharactersStayText() {
        String hostile = "host \"a\"\\b\n</script>\u0001";
        JsonObject pie = parse(Charts.pie(hostile, List.of(hostile), List.of(1)));
        assertThat(pie.getJsonObject("options")
                        .getJsonObject("plugins")
                        .getJsonObject("title")
                        .getString("text"))
                .isEqualTo(hostile);
        assertThat(pie.getJsonObject("data").getJsonArray("labels").getString(0))
                .isEqualTo(hostile);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
