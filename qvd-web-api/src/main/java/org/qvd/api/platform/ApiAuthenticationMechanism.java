package org.qvd.api.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Administrators authenticate with Basic (checked by the Elytron domain of the deployment, the
 * same as the WAT's) or with a bearer token from {@code POST /api/v1/auth/token}. Either way the
 * container — and so every EJB — sees the principal {@code name@tenant} with role {@code qvd-admin}.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String ROLE = "qvd-admin";
    private static final Logger LOG = Logger.getLogger(ApiAuthenticationMechanism.class.getName());

    @Inject
    BearerTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.isProtected() ? refuse(response, context, "authenticate as an administrator "
                    + "(Basic over TLS, or a bearer token)") : context.doNothing();
        }
        Optional<String> principal;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            principal = tokens.verify(header.substring(7).trim()).filter(ApiAuthenticationMechanism::stillActive);
            if (principal.isEmpty()) {
                return refuse(response, context, "the bearer token is invalid or expired");
            }
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            principal = basic(header.substring(6).trim());
            if (principal.isEmpty()) {
                return refuse(response, context, "wrong login or password");
            }
        } else {
            return refuse(response, context, "unsupported authorization scheme");
        }
        return context.notifyContainerAboutLogin(principal.get(), Set.of(ROLE));
    }

    /** {@code login:password} checked by the Elytron domain; its principal is normalised ({@code x} → {@code x@default}). */
    private static Optional<String> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            SecurityIdentity identity = SecurityDomain.getCurrent().authenticate(decoded.substring(0, colon),
                    new PasswordGuessEvidence(decoded.substring(colon + 1).toCharArray()));
            return Optional.of(identity.getPrincipal().getName());
        } catch (SecurityException e) {
            LOG.log(Level.FINE, "Basic authentication refused: {0}", e.toString());
            return Optional.empty();
        } catch (RealmUnavailableException e) {
            LOG.log(Level.WARNING, "the administrator realm is unavailable: {0}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The realm only finds administrators (and tenants) that are not blocked. A plain identity lookup:
     * an authentication context left unfinished would count as a failed login in Elytron's brute-force
     * protection and lock the administrator out of Basic.
     */
    private static boolean stillActive(String principal) {
        RealmIdentity identity = null;
        try {
            identity = SecurityDomain.getCurrent().getIdentity(principal);
            return identity.exists();
        } catch (SecurityException | RealmUnavailableException e) {
            return false;
        } finally {
            if (identity != null) {
                identity.dispose();
            }
        }
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, String detail) {
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"QVD\"");
            response.setStatus(401);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write("{\"type\":\"urn:qvd:error:auth.unauthenticated\",\"title\":\"Not authenticated\","
                    + "\"status\":401,\"detail\":\"" + detail + "\",\"code\":\"auth.unauthenticated\"}");
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
