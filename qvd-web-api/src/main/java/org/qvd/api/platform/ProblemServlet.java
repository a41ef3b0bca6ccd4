package org.qvd.api.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for refusals the container makes before any resource runs (no or wrong
 * credentials, plain HTTP): the same problem+json as the resources answer.
 */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String errorCode = switch (status) {
            case 401 -> "auth.unauthenticated";
            case 403 -> "auth.forbidden";
            case 404 -> "http.not_found";
            default -> "http." + status;
        };
        String detail = switch (status) {
            case 401 -> "authenticate as an administrator (Basic over TLS, or a bearer token)";
            case 403 -> "this administrator may not use this resource";
            default -> Problem.title(status);
        };
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.getWriter().write("{\"type\":\"urn:qvd:error:" + errorCode + "\",\"title\":\"" + Problem.title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + json(uri)
                + "\",\"code\":\"" + errorCode + "\"}");
    }

    /** A JSON string's content: quotes, backslashes and control characters escaped. */
    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
