package org.qvd.l7r.session.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code connect_to_vm} / {@code stop_vm}, checked as QVD's L7R does: {@code id} is required
 * ({@code 422}), every other key must start with {@code qvd.client.} or {@code custom.} ({@code 403}). Parameter
 * order does not matter (the Perl client sends them in random order).
 */
public final class ConnectParameters {

    /** The outcome: either a VM id with the client parameters, or an HTTP status with a reason. */
    public record Checked(long vmId, Map<String, String> clientParameters, int status, String problem) {

        public boolean ok() {
            return status == 0;
        }
    }

    private ConnectParameters() {}

    public static Checked check(Map<String, String> query, boolean clientParametersAllowed) {
        String id = query.get("id");
        if (id == null || id.isEmpty()) {
            return new Checked(0, Map.of(), 422, "Missing parameter id");
        }
        Map<String, String> client = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            String key = e.getKey();
            if (key.equals("id")) {
                continue;
            }
            if (!clientParametersAllowed || !(key.startsWith("qvd.client.") || key.startsWith("custom."))) {
                return new Checked(0, Map.of(), 403, "Invalid parameters");
            }
            client.put(key, e.getValue());
        }
        long vmId;
        try {
            vmId = Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            return new Checked(0, Map.of(), 404, "The requested virtual machine does not exist");
        }
        return new Checked(vmId, client, 0, null);
    }
}
