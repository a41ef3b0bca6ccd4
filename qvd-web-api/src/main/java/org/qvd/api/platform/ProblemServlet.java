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

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
