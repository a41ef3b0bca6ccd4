package org.qvd.sso.login.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/** What the single sign-on servlets share: the VMAS bean's name, the verified tokens, HTML answers. */
final class SsoPages {

    /** SsoLogins in qvd.ear, reached across deployments (this WAR is not part of the EAR: see docs/identity.md). */
    static final String SSO_LOGINS = "java:global/qvd/qvd-ejb/SsoLogins!org.qvd.vmas.identity.boundary.SsoLogins";
    /** Where a login ticket goes: the WAT's own mechanism logs the administrator in with it. */
    static final String WAT_HANDOFF = "/wat/sso-login";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SsoPages() {}

    /** The OIDC client's context of the request (it authenticated it), or null. */
    static OidcSecurityContext context(java.security.Principal principal) {
        return principal instanceof OidcPrincipal<?> p ? p.getOidcSecurityContext() : null;
    }

    /** A page that posts the ticket to the WAT at once (a button where scripts are off); never cached. */
    static void handOff(HttpServletResponse response, String ticket) throws IOException {
        String nonce = Base64.getEncoder().encodeToString(bytes());
        headers(response, "default-src 'none'; form-action 'self'; script-src 'nonce-" + nonce + "'");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html><head><title>QVD</title></head><body>"
                        + "<form method=\"post\" action=\"" + WAT_HANDOFF + "\">"
                        + "<input type=\"hidden\" name=\"qvd_sso\" value=\"" + ticket + "\">"
                        + "<button type=\"submit\" id=\"continue\">Continue to QVD</button></form>"
                        + "<script nonce=\"" + nonce + "\">document.forms[0].submit();</script></body></html>");
    }

    /** The refusal, with the way to a local login (break-glass administrators). */
    static void refused(HttpServletResponse response, String code, String text) throws IOException {
        headers(response, "default-src 'none'");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html><head><title>QVD: single sign-on refused</title></head><body>"
                        + "<h1>Single sign-on refused</h1><p id=\"refusal\">" + escape(text) + " [" + escape(code)
                        + "]</p><p><a href=\"/wat/\">Log in with a QVD password</a></p></body></html>");
    }

    static void headers(HttpServletResponse response, String csp) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", csp + "; frame-ancestors 'none'");
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
