package org.qvd.api.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.qvd.vmas.account.boundary.AdminAuthenticationService;
import org.qvd.vmas.account.boundary.AdminLogin;
import org.qvd.vmas.identity.boundary.SsoLogins;

/**
 * Administrators authenticate with Basic (checked and throttled by the VMAS's
 * {@link AdminAuthenticationService}, the same as the WAT's login) or with a bearer token from
 * {@code POST /api/v1/auth/token}. Either way the container — and so every EJB — sees the principal
 * {@code name@tenant} with role {@code qvd-admin}. Too many failed logins answer {@code 429} with Retry-After.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String ROLE = "qvd-admin";
    /** Bearer tokens of single sign-on start so ({@link SsoLogins}); the API's own never do (base64url has no dot). */
    static final String SSO_TOKEN_PREFIX = "sso.";

    @Inject
    BearerTokens tokens;

    @EJB
    AdminAuthenticationService admins;

    @EJB
    SsoLogins ssoLogins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.isProtected()
                    ? refuse(
                            response,
                            context,
                            "authenticate as an administrator " + "(Basic over TLS, or a bearer token)")
                    : context.doNothing();
        }
        String principal;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            principal = token.startsWith(SSO_TOKEN_PREFIX)
                    ? ssoLogins.apiPrincipal(token).orElse(null) // exchanged at /sso/token for a provider's token
                    : tokens.verify(token)
                            .filter(t -> admins.tokenValid(t.principal(), t.issuedAt()))
                            .map(BearerTokens.Verified::principal)
                            .orElse(null);
            if (principal == null) {
                return refuse(response, context, "the bearer token is invalid, expired or revoked");
            }
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            AdminLogin login =
                    basic(header.substring(6).trim(), request.getHeader("X-QVD-TOTP"), request.getRemoteAddr());
            if (login.secondFactorRefused()) {
                return refuse(
                        response,
                        context,
                        "this administrator needs a second factor: the current code in the "
                                + "X-QVD-TOTP header (then use a bearer token)");
            }
            if (login.throttled()) {
                return throttled(response, login.retryAfterSeconds(Instant.now()));
            }
            if (!login.succeeded()) {
                return refuse(response, context, "wrong login or password");
            }
            principal = login.principal();
        } else {
            return refuse(response, context, "unsupported authorization scheme");
        }
        return context.notifyContainerAboutLogin(principal, Set.of(ROLE));
    }

    /** {@code login:password}, checked (and throttled) by the VMAS; its principal is normalised ({@code x} → {@code x@default}). */
    private AdminLogin basic(String encoded, String totpCode, String source) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return AdminLogin.refused(null);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return AdminLogin.refused(null);
        }
        return admins.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), totpCode, source);
    }

    /** {@code 429} with {@code Retry-After}: too many failed logins from this address or on this login. */
    private static AuthenticationStatus throttled(HttpServletResponse response, long seconds) {
        try {
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setStatus(429);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter()
                    .write("{\"type\":\"urn:qvd:error:auth.throttled\",\"title\":\"Too many requests\","
                            + "\"status\":429,\"detail\":\"too many failed logins; try again in " + seconds + " s\","
                            + "\"code\":\"auth.throttled\"}");
            response.flushBuffer(); // committed: the container must not replace it with its own error page
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus refuse(
            HttpServletResponse response, HttpMessageContext context, String detail) {
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"QVD\"");
            response.setStatus(401);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter()
                    .write("{\"type\":\"urn:qvd:error:auth.unauthenticated\",\"title\":\"Not authenticated\","
                            + "\"status\":401,\"detail\":\"" + detail + "\",\"code\":\"auth.unauthenticated\"}");
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
