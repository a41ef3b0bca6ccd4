package org.qvd.vmas.platform.error;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns anything a service throws into a {@link QvdException} (once, in the interceptors). */
public final class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class.getName());

    private Errors() {}

    public static QvdException translate(Throwable t) {
        Throwable root = unwrapEjb(t);
        if (root instanceof QvdException q) {
            return q;
        }
        if (root instanceof ConstraintViolationException cve) {
            return invalid(cve);
        }
        for (Throwable c = root; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return new ConflictException(
                        PlatformError.CONCURRENT_UPDATE, "the object was changed concurrently; retry");
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                QvdException mapped = fromSqlState(sql);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "internal error " + errorId, root);
        return QvdException.internal(errorId, root);
    }

    public static InvalidInputException invalid(ConstraintViolationException cve) {
        List<String> lines = cve.getConstraintViolations().stream()
                .map(Errors::line)
                .sorted()
                .toList();
        return new InvalidInputException(
                PlatformError.VALIDATION_FAILED, "invalid input: " + String.join("; ", lines), lines);
    }

    private static String line(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.indexOf('.');
        // drop the method name ("create.arg0.name" -> "arg0.name") but keep the parameter path
        return (dot > 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
    }

    private static QvdException fromSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if ("23505".equals(state)) {
            return new ConflictException(PlatformError.DUPLICATE, "duplicate: " + constraint(sql));
        }
        if ("23503".equals(state)) {
            return new ConflictException(PlatformError.IN_USE, "still referenced: " + constraint(sql));
        }
        if ("23514".equals(state)
                || "23502".equals(state)
                || "22001".equals(state)
                || "22021".equals(state)
                || "22P05".equals(state)) {
            return new InvalidInputException(
                    PlatformError.VALIDATION_FAILED, "refused by the database: " + constraint(sql));
        }
        return null;
    }

    private static String constraint(SQLException sql) {
        String m = String.valueOf(sql.getMessage());
        int q = m.indexOf('"');
        int e = q < 0 ? -1 : m.indexOf('"', q + 1);
        return e > q ? m.substring(q + 1, e) : "constraint";
    }

    private static Throwable unwrapEjb(Throwable t) {
        Throwable cur = t;
        while (cur instanceof jakarta.ejb.EJBException && cur.getCause() != null) {
            cur = cur.getCause();
        }
        while (cur instanceof java.lang.reflect.InvocationTargetException && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
