package org.qvd.wat.platform;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.logging.Logger;
import org.qvd.vmas.account.boundary.AdminAuthenticationService;
import org.qvd.vmas.platform.text.LogText;

/**
 * Ends a WAT session whose administrator was blocked (or its tenant) or whose password changed after it logged in,
 * at its next request: the same rule as for the API's bearer tokens ({@link AdminAuthenticationService#tokenValid}),
 * with the login time the mechanism kept in the session. The browser is sent to the login page.
 */
@WebFilter("/*")
public class SessionValidityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionValidityFilter.class.getName());
    /** Session attribute: when this session's administrator logged in (an {@link Instant}). */
    static final String LOGIN_AT = "qvd.wat.loginAt";

    @EJB
    transient AdminAuthenticationService admins;

    /** Called by the login mechanism when a password login succeeded. */
    static void loggedIn(HttpServletRequest request) {
        request.getSession(true).setAttribute(LOGIN_AT, Instant.now());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = req.getUserPrincipal();
        HttpSession session = req.getSession(false);
        if (caller != null && session != null && !isStaticResource(req)) {
            Object loginAt = session.getAttribute(LOGIN_AT);
            if (!(loginAt instanceof Instant at) || !admins.tokenValid(caller.getName(), at)) {
                LOG.info(() -> "WAT session of " + LogText.quoted(caller.getName())
                        + " ended: the administrator was blocked or its password changed after it logged in");
                session.invalidate();
                req.logout();
                toLoginPage(req, res);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    /** Style sheets, scripts and images of the pages: no need to ask the database for each. */
    private static boolean isStaticResource(HttpServletRequest req) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    /** A full page goes to the login page; a Faces Ajax request gets the same redirect in its own answer format. */
    private static void toLoginPage(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String target = req.getContextPath() + "/";
        if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
            res.setContentType("text/xml");
            res.setCharacterEncoding("UTF-8");
            res.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + target
                            + "\"></redirect></partial-response>");
        } else {
            res.sendRedirect(target);
        }
    }
}
