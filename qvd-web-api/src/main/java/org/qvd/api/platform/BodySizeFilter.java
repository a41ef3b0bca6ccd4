package org.qvd.api.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a request body above {@code qvd.api.max-body-size} (bytes, default 10 MiB) with {@code 413}
 * problem+json before anything reads it. The HTTP listener's own limit is raised far above this one (image
 * uploads stream gigabytes): left to the listener, an oversized body got a bare 400 on HTTP/1.1 and a reset
 * stream on HTTP/2. Image uploads ({@code POST /v1/dis/upload}) are exempt; they stream to disk.
 */
@WebFilter(urlPatterns = "/*")
public class BodySizeFilter extends HttpFilter {

    static final long DEFAULT_LIMIT = 10L * 1024 * 1024;
    /** Bodies up to this size are read and discarded before the refusal; larger ones close the connection. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private long limit;

    @Override
    public void init() {
        limit = ConfigProvider.getConfig()
                .getOptionalValue("qvd.api.max-body-size", Long.class)
                .orElse(DEFAULT_LIMIT);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean exempt = request.getRequestURI().endsWith("/v1/dis/upload");
        if (request.getContentLengthLong() > limit && !exempt) {
            if (request.getContentLengthLong() <= DRAIN_LIMIT && request.getHeader("Expect") == null) {
                // read what the client is sending anyway: a client that writes its whole body before reading
                // (no Expect: 100-continue) then gets this answer instead of a connection reset
                request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } else {
                response.setHeader("Connection", "close"); // not worth reading, or not sent yet (100-continue)
            }
            response.setStatus(413);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"urn:qvd:error:request.too_large\",\"title\":\"Request too large\","
                            + "\"status\":413,\"detail\":\"the request body is larger than " + limit + " bytes\","
                            + "\"code\":\"request.too_large\"}");
            return;
        }
        // a chunked body names no length: count what is read instead
        chain.doFilter(exempt || request.getContentLengthLong() >= 0 ? request : new Bounded(request, limit), response);
    }

    /** Thrown when a body without Content-Length grows beyond the limit; mapped to 413. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private static final class Bounded extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final long limit;
        private jakarta.servlet.ServletInputStream in;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                jakarta.servlet.ServletInputStream raw = super.getInputStream();
                in = new jakarta.servlet.ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = raw.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = raw.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit) {
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return in;
        }
    }
}
