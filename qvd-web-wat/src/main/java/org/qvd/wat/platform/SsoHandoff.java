package org.qvd.wat.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where the single sign-on application posts an administrator's one-time ticket. {@link WatAuthenticationMechanism}
 * redeems it and logs the administrator in before this runs; this opens the dashboard. The path is public (web.xml):
 * a browser arriving from the provider often brings no WAT session, and login-to-continue would answer a protected
 * path without one with the login form.
 */
@WebServlet(SsoHandoff.PATH)
public class SsoHandoff extends HttpServlet {

    static final String PATH = "/sso-login";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean loggedIn = request.isUserInRole(WatAuthenticationMechanism.ROLE);
        response.sendRedirect(request.getContextPath() + (loggedIn ? "/index.xhtml" : "/login-failed.xhtml"));
    }
}
