package org.qvd.api.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception leaving a resource becomes {@code application/problem+json}, mapped once here. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = thrown instanceof WebApplicationException wae && !(wae.getCause() instanceof RuntimeException)
                ? fromJaxRs(wae) : Problems.fromService(thrown, instance());
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "API error " + problem.errorId() + " on " + instance(), thrown);
        } else {
            LOG.log(Level.FINE, "API refusal {0} on {1}", new Object[] {problem.code(), instance()});
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"QVD\"");
        }
        return response.build();
    }

    /** JAX-RS' own refusals (no such path, wrong method, unreadable body) under http.* codes. */
    private Problem fromJaxRs(WebApplicationException wae) {
        int status = wae.getResponse().getStatus();
        if (status >= 500) {
            return Problems.fromService(wae, instance());
        }
        String code = switch (status) {
            case 404 -> "http.not_found";
            case 405 -> "http.method_not_allowed";
            case 406 -> "http.not_acceptable";
            case 415 -> "http.unsupported_media_type";
            case 401 -> "auth.unauthenticated";
            case 403 -> "auth.forbidden";
            default -> "request.malformed";
        };
        String detail = status == 400 ? "the request could not be read (malformed JSON or parameter)"
                : Problem.title(status);
        return Problem.of(status, code, detail, instance());
    }

    private String instance() {
        return uri == null ? null : "/api/v1/" + uri.getPath().replaceFirst("^/", "");
    }
}
