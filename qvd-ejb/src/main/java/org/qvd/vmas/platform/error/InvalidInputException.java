package org.qvd.vmas.platform.error;

import java.util.List;

/** Input refused by Bean Validation or by a service's own check. */
public class InvalidInputException extends QvdException {

    private final List<String> violations;

    public InvalidInputException(ErrorCode code, String message) {
        this(code, message, List.of(message));
    }

    public InvalidInputException(ErrorCode code, String message, List<String> violations) {
        super(code, 400, message);
        this.violations = List.copyOf(violations);
    }

    /** One line per violated constraint ({@code path: message}). */
    public List<String> violations() {
        return violations;
    }
}
