package org.qvd.api.platform;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.platform.error.ErrorCode;

/**
 * An RFC 9457 problem: {@code type} is derived from the stable {@code code}; {@code errorId} is set
 * for server errors only and matches the server log; {@code violations} for validation errors.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details with QVD's stable error code")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String errorId,
        List<String> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, ErrorCode code, String detail, String instance) {
        return ofCode(status, code.code(), detail, instance);
    }

    /** Only for a code no catalogue can name in advance (the servlet container's {@code http.<status>}). */
    static Problem ofCode(int status, String code, String detail, String instance) {
        return new Problem("urn:qvd:error:" + code, title(status), status, detail, instance, code, null, null);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, code, id, violations);
    }

    public Problem withViolations(List<String> lines) {
        return new Problem(type, title, status, detail, instance, code, errorId, lines);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
    }
}
