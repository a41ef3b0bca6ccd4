package org.qvd.wat.dashboard.boundary;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Chart.js configurations (the JSON that p:chart takes) for the dashboard's charts. */
final class Charts {

    static final List<String> COLOURS = List.of("#64748b", "#f59e0b", "#22c55e", "#3b82f6", "#ef4444", "#a855f7");

    private Charts() {
    }

    static String pie(String title, List<String> labels, Collection<? extends Number> values) {
        return "{\"type\":\"doughnut\",\"data\":{\"labels\":" + strings(labels) + ",\"datasets\":[{\"data\":"
                + numbers(values) + ",\"backgroundColor\":" + strings(COLOURS.subList(0, labels.size())) + "}]},"
                + "\"options\":{\"animation\":false,\"plugins\":{\"title\":{\"display\":true,\"text\":" + string(title)
                + "},\"legend\":{\"position\":\"right\"}}}}";
    }

    static String bars(List<String> labels, String first, List<Number> firstValues, String second,
            List<Number> secondValues) {
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + strings(labels) + ",\"datasets\":["
                + "{\"label\":" + string(first) + ",\"data\":" + numbers(firstValues) + ",\"backgroundColor\":\""
                + COLOURS.get(3) + "\"},{\"label\":" + string(second) + ",\"data\":" + numbers(secondValues)
                + ",\"backgroundColor\":\"" + COLOURS.get(1) + "\"}]},\"options\":{\"animation\":false}}";
    }

    private static String numbers(Collection<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static String strings(List<String> values) {
        return values.stream().map(Charts::string).collect(Collectors.joining(",", "[", "]"));
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
