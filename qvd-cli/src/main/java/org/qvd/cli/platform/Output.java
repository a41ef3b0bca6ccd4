package org.qvd.cli.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Tables for people (chosen columns, aligned), or the API's JSON for scripts ({@code --json}). */
public final class Output {

    private Output() {}

    public static void print(PrintWriter out, JsonNode rows, List<String> columns, boolean json) {
        if (json) {
            try {
                out.println(RestClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            table(out, rows.isArray() ? rows : RestClient.JSON.createArrayNode().add(rows), columns);
        }
        out.flush();
    }

    static void table(PrintWriter out, JsonNode rows, List<String> columns) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.toArray(String[]::new));
        for (JsonNode row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                line[i] = cell(row.get(columns.get(i)));
            }
            lines.add(line);
        }
        int[] width = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(i == line.length - 1 ? line[i] : String.format("%-" + width[i] + "s  ", line[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(",", parts);
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    public static ArrayNode array(List<JsonNode> nodes) {
        ArrayNode a = RestClient.JSON.createArrayNode();
        nodes.forEach(a::add);
        return a;
    }
}
