package org.qvd.sso.login.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.identity.boundary.SsoIdentity;

/**
 * The claims of a token WildFly's OIDC client has already verified (signature, issuer, expiry, audience), as lists of
 * strings: {@code "groups": ["a","b"]} stays a list, a string or number becomes a list of one, and an object's
 * members are named with a dot ({@code realm_access.roles}). The token is not verified again here.
 */
final class ProviderClaims {

    private final JsonObject payload;

    private ProviderClaims(JsonObject payload) {
        this.payload = payload;
    }

    /** The payload of a compact JWS ({@code header.payload.signature}). */
    static ProviderClaims of(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return new ProviderClaims(reader.readObject());
        }
    }

    SsoIdentity identity(String username) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        flatten("", payload, claims);
        return new SsoIdentity(string("iss"), string("sub"), username, claims);
    }

    Instant expiry() {
        return payload.containsKey("exp")
                ? Instant.ofEpochSecond(payload.getJsonNumber("exp").longValue())
                : null;
    }

    private String string(String name) {
        JsonValue v = payload.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, List<String>> into) {
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String name = prefix + e.getKey();
            JsonValue v = e.getValue();
            switch (v.getValueType()) {
                case OBJECT -> flatten(name + ".", v.asJsonObject(), into);
                case ARRAY -> into.put(name, strings(v.asJsonArray()));
                case NULL -> {}
                default -> into.put(name, List.of(text(v)));
            }
        }
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.stream()
                .filter(v -> v.getValueType() != JsonValue.ValueType.OBJECT)
                .map(ProviderClaims::text)
                .forEach(values::add);
        return values;
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}
