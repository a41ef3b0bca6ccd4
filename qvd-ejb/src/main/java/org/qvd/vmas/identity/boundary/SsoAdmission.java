package org.qvd.vmas.identity.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The VMAS's answer to a single sign-on: the administrator ({@code name@tenant}), the roles its claims gave it and a
 * ticket for the WAT or the REST API (valid until {@code expiresAt}); or why it was refused (a code of
 * {@link org.qvd.vmas.identity.entity.SsoError} and a text for the person who tried).
 */
public record SsoAdmission(
        String principal, List<String> roles, String ticket, Instant expiresAt, String refusalCode, String refusal)
        implements Serializable {

    public static SsoAdmission refused(String code, String text) {
        return new SsoAdmission(null, List.of(), null, null, code, text);
    }

    public boolean admitted() {
        return ticket != null;
    }
}
