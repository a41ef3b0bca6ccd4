package org.qvd.wat.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where the single sign-on application posts an administrator's one-time ticket. {@link WatAuthenticationMechanism}
 * has logged the administrator in before this runs (the path needs role qvd-admin); this only opens the dashboard.
 */
@WebServlet(SsoHandoff.PATH)
public class SsoHandoff extends HttpServlet {

    static final String PATH = "/sso-login";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/index.xhtml");
    }
}
