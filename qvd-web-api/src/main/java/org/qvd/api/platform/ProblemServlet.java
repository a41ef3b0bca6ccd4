package org.qvd.api.platform;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.platform.error.ErrorCode;

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
        ErrorCode known = switch (status) {
            case 401 -> AccountError.AUTH_UNAUTHENTICATED;
            case 403 -> ApiError.AUTH_FORBIDDEN;
            case 404 -> ApiError.HTTP_NOT_FOUND;
            default -> null;
        };
        // any other status the container answers by itself: no catalogue can list them in advance
        String errorCode = known != null ? known.code() : "http." + status;
        String detail = switch (status) {
            case 401 -> "authenticate as an administrator (Basic over TLS, or a bearer token)";
            case 403 -> "this administrator may not use this resource";
            default -> Problem.title(status);
        };
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("type", "urn:qvd:error:" + errorCode)
                        .add("title", Problem.title(status))
                        .add("status", status)
                        .add("detail", detail)
                        .add("instance", uri)
                        .add("code", errorCode)
                        .build()
                        .toString());
    }
}
