package org.qvd.wat.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The HTTP listener accepts bodies as large as an image upload; every WAT request other than a file upload
 * (multipart) is a form post of a few kilobytes, so anything above 10 MiB (or of unknown length) is refused with
 * 413 before the form parser buffers it.
 */
@WebFilter("/*")
public class FormSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long LIMIT = 10L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String type = req.getContentType();
        boolean upload = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long length = req.getContentLengthLong();
        boolean chunked = length < 0 && req.getHeader("Transfer-Encoding") != null;
        if (!upload && (length > LIMIT || chunked)) {
            res.setHeader("Connection", "close");
            res.sendError(413, "the request body is too large");
            return;
        }
        chain.doFilter(req, res);
    }
}
