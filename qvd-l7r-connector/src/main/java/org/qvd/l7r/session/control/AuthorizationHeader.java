package org.qvd.l7r.session.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.Login;

/** Reads QVD's {@code Authorization} header: {@code Basic base64(login:password)} or {@code Bearer <token>}. */
public final class AuthorizationHeader {

    private AuthorizationHeader() {}

    /** Empty when the header is missing, of another scheme or malformed: the client then gets a {@code 401}. */
    public static Optional<Credentials> parse(String header, String defaultTenant) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        String param = value.substring(space + 1).trim();
        if (param.isEmpty()) {
            return Optional.empty();
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(param, defaultTenant);
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(bearer(param));
        }
        return Optional.empty();
    }

    /** Whether the header is a {@code Basic} (password) login. */
    public static boolean isBasic(String header) {
        return header != null && header.trim().regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static Optional<Credentials> basic(String param, String defaultTenant) {
        Optional<String> decoded = decodeBase64(param);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String pair = decoded.get();
        int colon = pair.indexOf(':'); // the first one: QVD clients do not escape ':' inside passwords
        if (colon <= 0) {
            return Optional.empty();
        }
        Login login = Login.parse(pair.substring(0, colon), defaultTenant);
        return Optional.of(new Credentials.Password(login, pair.substring(colon + 1)));
    }

    /**
     * The token as the Perl CLI sends it (base64 of it), as GUIs send it (itself), and base64 of the CLI form (a user
     * who gave the CLI the {@code auth_token} of {@code create_auth_token}, which is already base64).
     */
    private static Credentials bearer(String param) {
        List<String> candidates = new ArrayList<>(3);
        Optional<String> once = decodeBase64(param).filter(AuthorizationHeader::isPrintable);
        once.ifPresent(candidates::add);
        once.flatMap(AuthorizationHeader::decodeBase64)
                .filter(AuthorizationHeader::isPrintable)
                .filter(twice -> !candidates.contains(twice))
                .ifPresent(candidates::add);
        if (!candidates.contains(param)) {
            candidates.add(param);
        }
        return new Credentials.Token(candidates);
    }

    private static Optional<String> decodeBase64(String value) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean isPrintable(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
    }
}
