package org.qvd.guest.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.qvd.launcher.AdminApi;
import org.qvd.launcher.LauncherException;

/** The REST API as the superadmin, through the run command's own client (it trusts exactly the server's key). */
public final class Admin {
    private final AdminApi api;

    Admin(AdminApi api) {
        this.api = api;
    }

    public JsonNode get(String path) {
        return call(() -> api.get(path));
    }

    /** POST without a body (the VM actions); a refusal fails the test with the server's problem detail. */
    public JsonNode post(String path) {
        return call(() -> api.post(path, Map.of()));
    }

    /** POST with a JSON body (creating objects); a refusal fails the test with the server's problem detail. */
    public JsonNode post(String path, Object body) {
        return call(() -> api.post(path, body));
    }

    public JsonNode vm(long id) {
        return get("/vms/" + id);
    }

    public JsonNode host(String name) {
        for (JsonNode h : get("/hosts?name=" + name + "&size=50").get("items")) {
            if (name.equals(h.path("name").asText())) {
                return h;
            }
        }
        throw new AssertionError("no host " + name);
    }

    private static JsonNode call(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (LauncherException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
