package org.qvd.api.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.platform.error.ErrorCode;
import org.qvd.vmas.platform.text.LogText;

/** Every exception leaving a resource becomes {@code application/problem+json}, mapped once here. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = Problems.tooLarge(thrown, instance());
        if (problem == null) {
            problem = thrown instanceof WebApplicationException wae && clientError(wae)
                    ? fromJaxRs(wae)
                    : Problems.fromService(thrown, instance());
        }
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "API error " + problem.errorId() + " on " + LogText.escape(instance()), thrown);
        } else {
            LOG.log(Level.FINE, "API refusal {0} on {1}", new Object[] {problem.code(), LogText.escape(instance())});
        }
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"QVD\"");
        }
        return response.build();
    }

    /**
     * JAX-RS' own refusals: a parameter that does not convert (`/users/abc`, an id above 2^63, `page=99999999999`)
     * arrives as a 404 whose cause is the conversion's exception; it is the client's error, not ours. Only a
     * service exception carried inside a WebApplicationException goes through the service mapping.
     */
    private static boolean clientError(WebApplicationException wae) {
        return wae.getResponse() != null
                && wae.getResponse().getStatus() < 500
                && !(wae.getCause() instanceof org.qvd.vmas.platform.error.QvdException);
    }

    /** JAX-RS' own refusals (no such path, wrong method, unreadable body) under http.* codes. */
    private Problem fromJaxRs(WebApplicationException wae) {
        int status = wae.getResponse().getStatus();
        if (status >= 500) {
            return Problems.fromService(wae, instance());
        }
        ErrorCode code = switch (status) {
            case 404 -> ApiError.HTTP_NOT_FOUND;
            case 405 -> ApiError.HTTP_METHOD_NOT_ALLOWED;
            case 406 -> ApiError.HTTP_NOT_ACCEPTABLE;
            case 415 -> ApiError.HTTP_UNSUPPORTED_MEDIA_TYPE;
            case 401 -> AccountError.AUTH_UNAUTHENTICATED;
            case 403 -> ApiError.AUTH_FORBIDDEN;
            default -> ApiError.REQUEST_MALFORMED;
        };
        String detail =
                status == 400 ? "the request could not be read (malformed JSON or parameter)" : Problem.title(status);
        String parameter = Parameters.unconvertible(wae);
        if (parameter != null) {
            // RESTEasy answers 404 for any path, query or matrix parameter that does not convert; a bad path
            // segment names no object (404), a bad query parameter is an invalid request (400)
            boolean path = parameter.startsWith("path ");
            return Problem.of(
                    path ? 404 : 400,
                    path ? ApiError.HTTP_NOT_FOUND : ApiError.PARAMETER_INVALID,
                    path
                            ? "no such object: the " + parameter + " is not a valid number or value"
                            : "the " + parameter + " is not a valid value (out of range or not a number)",
                    instance());
        }
        if (Problems.isUnreadableBody(wae)) {
            return Problem.of(400, ApiError.REQUEST_MALFORMED, Problems.unreadableBodyDetail(wae), instance());
        }
        return Problem.of(status, code, detail, instance());
    }

    private String instance() {
        return uri == null ? null : "/api/v1/" + uri.getPath().replaceFirst("^/", "");
    }
}
