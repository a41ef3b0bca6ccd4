package org.qvd.sso.login.boundary;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qvd.vmas.identity.boundary.SsoAdmission;
import org.qvd.vmas.identity.boundary.SsoLogins;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * {@code POST /sso/token} with {@code Authorization: Bearer <the provider's access token>}: WildFly's OIDC client
 * verifies the token (signature against the provider's keys, issuer, expiry, audience) before this runs; the answer
 * is a QVD bearer token for the REST API for the same administrator, valid while the provider's token is (an hour
 * at most).
 */
@WebServlet("/token")
public class SsoTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB(lookup = SsoPages.SSO_LOGINS)
    transient SsoLogins logins;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSecurityContext context = SsoPages.context(request.getUserPrincipal());
        SsoPages.headers(response, "default-src 'none'");
        response.setContentType("application/json");
        if (context == null || context.getTokenString() == null) {
            problem(
                    response,
                    401,
                    "auth.unauthenticated",
                    "send the identity provider's access token as a bearer token");
            return;
        }
        ProviderClaims claims = ProviderClaims.of(context.getTokenString());
        SsoAdmission admission = logins.admitApi(
                claims.identity(request.getUserPrincipal().getName()), claims.expiry(), request.getRemoteAddr());
        if (!admission.admitted()) {
            problem(response, 403, admission.refusalCode(), admission.refusal());
            return;
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("token", admission.ticket())
                .add("principal", admission.principal())
                .add("roles", Json.createArrayBuilder(admission.roles()))
                .add("expiresAt", admission.expiresAt().toString());
        response.getWriter().write(body.build().toString());
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("type", "urn:qvd:error:" + code)
                        .add("title", status == 401 ? "Not authenticated" : "Forbidden")
                        .add("status", status)
                        .add("detail", detail)
                        .add("code", code)
                        .build()
                        .toString());
    }
}
