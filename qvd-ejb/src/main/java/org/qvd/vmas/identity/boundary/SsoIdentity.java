package org.qvd.vmas.identity.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Who the identity provider says logged in, from a token the provider signed and WildFly's OIDC client checked:
 * the issuer, the subject, the user name (becomes the administrator's name) and every claim as a list of strings
 * (a string claim is a list of one; {@code groups} is usually a list).
 */
public record SsoIdentity(String issuer, String subject, String username, Map<String, List<String>> claims)
        implements Serializable {

    public SsoIdentity {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** Whether claim {@code name} holds {@code value} (equal, or one of its list). */
    public boolean holds(String name, String value) {
        List<String> values = claims.get(name);
        return values != null && values.contains(value);
    }
}
