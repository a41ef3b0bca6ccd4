package org.qvd.wat.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qvd.vmas.platform.guard.RequestOrigin;

/** Tells the audit where each WAT request came from. */
@WebFilter("/*")
public class OriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        origin.sourceAddress(req.getRemoteAddr());
        chain.doFilter(req, res);
    }
}
