package org.qvd.wat.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Set;
import org.qvd.vmas.account.boundary.AdminAuthenticationService;
import org.qvd.vmas.account.boundary.AdminLogin;
import org.qvd.vmas.identity.boundary.SsoLogins;
import org.qvd.vmas.platform.text.LogText;

/**
 * The WAT's form login as a Jakarta Security mechanism. It is needed because the EAR also holds a
 * Jakarta Security mechanism (the REST API's), and WildFly then routes every web module of the EAR
 * through Jakarta Security instead of web.xml's FORM login. The login page posts
 * {@code j_username}/{@code j_password} to {@code j_security_check} as with FORM; the credentials
 * are checked and throttled by the VMAS ({@link AdminAuthenticationService}, as for the API's Basic), and
 * {@link LoginToContinue} shows the login page and returns to the page first asked for.
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login-failed.xhtml", useForwardToLogin = true)
public class WatAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String ROLE = "qvd-admin";
    /** Request attribute for the login page: seconds until a throttled source or login may try again. */
    public static final String RETRY_AFTER = "qvd.login.retryAfter";

    private static final String SSO_PRINCIPAL = "qvd.sso.principal";
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(WatAuthenticationMechanism.class.getName());

    @EJB
    AdminAuthenticationService admins;

    @EJB
    SsoLogins ssoLogins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith(SsoHandoff.PATH)) {
            return singleSignOn(request, context);
        }
        if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/j_security_check")) {
            return context.doNothing();
        }
        String login = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return context.forward("/login-failed.xhtml");
        }
        // password and, for an enrolled admin, the code: a wrong code counts as a failed login for the throttle
        AdminLogin result =
                admins.authenticate(login, password, request.getParameter("j_totp"), request.getRemoteAddr());
        if (result.throttled()) {
            request.setAttribute(RETRY_AFTER, result.retryAfterSeconds(Instant.now()));
        }
        if (!result.succeeded()) {
            // a refusal shows the login page again with its error (a 401 would clash with the forward)
            return context.forward("/login-failed.xhtml");
        }
        SessionValidityFilter.loggedIn(request); // the session ends when the password changes or the admin is blocked
        return context.notifyContainerAboutLogin(result.principal(), Set.of(ROLE));
    }

    /**
     * The single sign-on application ({@code /sso}, outside the EAR: WildFly's OIDC client cannot protect a module
     * of an EAR that holds a Jakarta Security mechanism) posts the one-time ticket the VMAS gave it for the
     * administrator its provider vouched for. No password, no second factor: the provider did the login.
     */
    private AuthenticationStatus singleSignOn(HttpServletRequest request, HttpMessageContext context) {
        // the mechanism may run more than once for one request: the one-time ticket is redeemed at the first run
        String principal = request.getAttribute(SSO_PRINCIPAL) instanceof String done
                ? done
                : ssoLogins.redeemLogin(request.getParameter("qvd_sso")).orElse(null);
        if (principal == null) {
            LOG.warning("single sign-on ticket refused at the WAT (forged, expired or already used) from "
                    + LogText.escape(request.getRemoteAddr()));
            return context.forward("/login-failed.xhtml");
        }
        request.setAttribute(SSO_PRINCIPAL, principal);
        SessionValidityFilter.loggedIn(request);
        return context.notifyContainerAboutLogin(principal, Set.of(ROLE));
    }
}
