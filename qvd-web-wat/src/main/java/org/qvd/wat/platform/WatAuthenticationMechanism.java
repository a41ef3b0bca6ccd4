package org.qvd.wat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.evidence.PasswordGuessEvidence;

import java.util.Optional;
import java.util.Set;

/**
 * The WAT's form login as a Jakarta Security mechanism. It is needed because the EAR also holds a
 * Jakarta Security mechanism (the REST API's), and WildFly then routes every web module of the EAR
 * through Jakarta Security instead of web.xml's FORM login. The login page posts
 * {@code j_username}/{@code j_password} to {@code j_security_check} as with FORM; the credentials
 * are checked by the deployment's Elytron domain (the same realm as FORM and BASIC), and
 * {@link LoginToContinue} shows the login page and returns to the page first asked for.
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login-failed.xhtml", useForwardToLogin = true)
public class WatAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String ROLE = "qvd-admin";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/j_security_check")) {
            return context.doNothing();
        }
        Optional<String> principal = authenticate(request.getParameter("j_username"), request.getParameter("j_password"));
        // a refusal shows the login page again with its error (a 401 would clash with the forward)
        return principal.isPresent() ? context.notifyContainerAboutLogin(principal.get(), Set.of(ROLE))
                : context.forward("/login-failed.xhtml");
    }

    /** The domain's principal for the login ({@code x} becomes {@code x@default} there), if the password fits. */
    static Optional<String> authenticate(String login, String password) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecurityDomain.getCurrent().authenticate(login.trim(),
                    new PasswordGuessEvidence(password.toCharArray())).getPrincipal().getName());
        } catch (SecurityException | RealmUnavailableException e) {
            return Optional.empty();
        }
    }
}
