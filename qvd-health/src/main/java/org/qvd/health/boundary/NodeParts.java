package org.qvd.health.boundary;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the node's parts say of themselves, for the readiness checks: a part reports null while it serves, else why
 * it does not. One registry per deployment (this class lives in the EAR's lib/, loaded once for the EAR).
 */
public final class NodeParts {
    /** The L7R's TLS listener for QVD clients. */
    public static final String L7R_LISTENER = "l7r-listener";

    private static final String SERVING = "";
    private static final Map<String, String> PROBLEMS = new ConcurrentHashMap<>();

    private NodeParts() {}

    /** {@code problem} null: the part serves (or is disabled on purpose); else why it does not. */
    public static void report(String part, String problem) {
        PROBLEMS.put(part, problem == null ? SERVING : problem);
    }

    /** Empty while the part serves; its problem otherwise ("not reported" when it never said anything). */
    static Optional<String> problem(String part) {
        String problem = PROBLEMS.getOrDefault(part, "not reported");
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }
}
