package org.qvd.api.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qvd.vmas.platform.guard.RequestOrigin;

/**
 * Records the client's address for the audit log on every REST and SOAP request (the VMAS reads
 * it from the request-scoped {@link RequestOrigin}; EJB calls run on this thread).
 */
@WebFilter(urlPatterns = "/*")
public class RequestOriginFilter extends HttpFilter {

    @Inject
    RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.sourceAddress(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
