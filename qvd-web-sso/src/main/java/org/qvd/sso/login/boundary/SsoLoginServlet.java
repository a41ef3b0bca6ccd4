package org.qvd.sso.login.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qvd.vmas.identity.boundary.SsoAdmission;
import org.qvd.vmas.identity.boundary.SsoLogins;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * {@code GET /sso/login}: WildFly's OIDC client has sent the browser through the provider's login (authorization
 * code flow) before this runs; the ID token's claims go to the VMAS, which names the administrator and its roles,
 * and the browser carries the one-time ticket to the WAT.
 */
@WebServlet("/login")
public class SsoLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB(lookup = SsoPages.SSO_LOGINS)
    transient SsoLogins logins;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSecurityContext context = SsoPages.context(request.getUserPrincipal());
        if (context == null || context.getIDTokenString() == null) {
            SsoPages.refused(response, "auth.unauthenticated", "the identity provider's login did not complete");
            return;
        }
        SsoAdmission admission = logins.admitBrowser(
                ProviderClaims.of(context.getIDTokenString())
                        .identity(request.getUserPrincipal().getName()),
                request.getRemoteAddr());
        if (!admission.admitted()) {
            SsoPages.refused(response, admission.refusalCode(), admission.refusal());
            return;
        }
        SsoPages.handOff(response, admission.ticket());
    }
}
