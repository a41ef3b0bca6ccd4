package org.qvd.wat.dashboard.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Chart.js configurations (the JSON that p:chart takes) for the dashboard's charts, built with JSON-P. */
final class Charts {

    static final List<String> COLOURS = List.of("#64748b", "#f59e0b", "#22c55e", "#3b82f6", "#ef4444", "#a855f7");
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private Charts() {}

    static String pie(String title, List<String> labels, Collection<? extends Number> values) {
        JsonObjectBuilder dataset = JSON.createObjectBuilder()
                .add("data", numbers(values))
                .add("backgroundColor", strings(COLOURS.subList(0, labels.size())));
        JsonObjectBuilder plugins = JSON.createObjectBuilder()
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", title))
                .add("legend", JSON.createObjectBuilder().add("position", "right"));
        return chart(
                "doughnut",
                labels,
                JSON.createArrayBuilder().add(dataset),
                JSON.createObjectBuilder().add("animation", false).add("plugins", plugins));
    }

    static String bars(
            List<String> labels, String first, List<Number> firstValues, String second, List<Number> secondValues) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder()
                        .add("label", first)
                        .add("data", numbers(firstValues))
                        .add("backgroundColor", COLOURS.get(3)))
                .add(JSON.createObjectBuilder()
                        .add("label", second)
                        .add("data", numbers(secondValues))
                        .add("backgroundColor", COLOURS.get(1)));
        return chart("bar", labels, datasets, JSON.createObjectBuilder().add("animation", false));
    }

    private static String chart(
            String type, List<String> labels, JsonArrayBuilder datasets, JsonObjectBuilder options) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        JSON.createObjectBuilder()
                                .add("labels", strings(labels))
                                .add("datasets", datasets))
                .add("options", options)
                .build()
                .toString();
    }

    private static JsonArrayBuilder numbers(Collection<? extends Number> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(v -> array.add(new BigDecimal(v.toString())));
        return array;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
