package org.qvd.api.platform;

import jakarta.json.bind.JsonbException;
import java.util.UUID;
import org.qvd.vmas.platform.error.Errors;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.QvdException;

/** Translates service exceptions to problems; shared by REST (problem+json) and SOAP (faults). */
public final class Problems {

    private Problems() {}

    /** The problem for anything a service (or this layer) threw; never echoes an unexpected message. */
    public static Problem fromService(Throwable thrown, String instance) {
        Problem tooLarge = tooLarge(thrown, instance);
        if (tooLarge != null) {
            return tooLarge;
        }
        if (isUnreadableBody(thrown)) {
            return Problem.of(400, ApiError.REQUEST_MALFORMED, unreadableBodyDetail(thrown), instance);
        }
        QvdException q = Errors.translate(thrown);
        if (q.status() >= 500) {
            return Problem.of(
                            q.status(), q.errorCode(), "internal error; quote the error id when reporting it", instance)
                    .withErrorId(errorId(q));
        }
        Problem problem = Problem.of(q.status(), q.errorCode(), q.getMessage(), instance);
        return q instanceof InvalidInputException invalid ? problem.withViolations(invalid.violations()) : problem;
    }

    /** {@code 413} when reading the body stopped at the size limit, else null. */
    static Problem tooLarge(Throwable thrown, String instance) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            if (c instanceof BodySizeFilter.TooLarge tooLarge) {
                return Problem.of(413, ApiError.REQUEST_TOO_LARGE, tooLarge.getMessage(), instance);
            }
        }
        return null;
    }

    /** What the client is told about a body that could not be read (never its content). */
    static String unreadableBodyDetail(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StrictNumbers.OutOfRange range) {
                return range.getMessage();
            }
        }
        return "the request body could not be read as JSON";
    }

    static boolean isUnreadableBody(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonbException
                    || c.getClass().getName().startsWith("com.fasterxml.jackson.core")
                    || c.getClass().getName().startsWith("com.fasterxml.jackson.databind.exc")) {
                return true;
            }
        }
        return false;
    }

    /** The id the VMAS logged the error under, else a fresh one (then logged by the caller). */
    private static String errorId(QvdException q) {
        return q.errorId() != null ? q.errorId() : UUID.randomUUID().toString();
    }
}
