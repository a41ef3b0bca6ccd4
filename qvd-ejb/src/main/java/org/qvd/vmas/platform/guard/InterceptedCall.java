package org.qvd.vmas.platform.guard;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import org.qvd.vmas.platform.audit.AuditArguments;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.platform.audit.AuditSubject;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.Errors;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.platform.text.TextInput;

/** What both interceptors do around a call: validate, run as a caller, audit once. */
final class InterceptedCall {

    /** Who makes the call, found after the arguments are valid; a caller it refuses is audited like any refusal. */
    @FunctionalInterface
    interface CallerCheck {
        Caller caller() throws Exception;
    }

    private final InvocationContext ic;
    private final Method method;
    private final Audited audited;
    private final Validator validator;
    private final AuditSink audit;
    private final Instance<RequestOrigin> origin;

    InterceptedCall(InvocationContext ic, Validator validator, AuditSink audit, Instance<RequestOrigin> origin) {
        this.ic = ic;
        this.method = ic.getMethod();
        this.audited = method.getAnnotation(Audited.class);
        this.validator = validator;
        this.audit = audit;
        this.origin = origin;
    }

    /**
     * Validates the arguments, finds the caller, runs the call as it and audits the success in the call's transaction;
     * any refusal on the way is translated to a {@link QvdException} and audited in a transaction of its own.
     */
    Object run(String principal, CallerCheck check) throws Exception {
        Caller caller = null;
        try {
            validate();
            caller = check.caller();
            Object result = proceedAs(caller);
            if (audited != null) {
                audit.record(event(caller, principal, result, AuditEvent.OK));
            }
            return result;
        } catch (Exception e) {
            QvdException error = Errors.translate(e);
            auditRefusal(caller, principal, error);
            throw error;
        }
    }

    private void validate() {
        Set<ConstraintViolation<Object>> violations =
                validator.forExecutables().validateParameters(ic.getTarget(), method, ic.getParameters());
        if (!violations.isEmpty()) {
            throw Errors.invalid(new ConstraintViolationException(violations));
        }
        java.util.List<String> unstorable = TextInput.violations(method.getParameters(), ic.getParameters());
        if (!unstorable.isEmpty()) {
            throw new InvalidInputException(
                    PlatformError.VALIDATION_FAILED, "invalid input: " + String.join("; ", unstorable), unstorable);
        }
    }

    private Object proceedAs(Caller caller) throws Exception {
        CurrentCaller.push(caller);
        try {
            Object result = ic.proceed();
            if (audited != null) {
                audit.flush();
            }
            return result;
        } finally {
            CurrentCaller.pop();
        }
    }

    private void auditRefusal(Caller caller, String principal, QvdException error) {
        if (audited != null) {
            try {
                audit.recordRefusal(event(caller, principal, null, error.code()));
            } catch (RuntimeException e) {
                // the refusal itself must reach the caller even if its audit cannot be written
                java.util.logging.Logger.getLogger(InterceptedCall.class.getName())
                        .warning("could not audit refusal " + error.code() + ": " + e);
            }
        }
    }

    private AuditEvent event(Caller caller, String principal, Object result, String outcome) {
        Parameter[] params = method.getParameters();
        Object[] values = ic.getParameters();
        Long objectId = AuditArguments.objectId(params, values);
        String objectName = AuditArguments.objectName(params, values);
        if (result instanceof AuditSubject subject) {
            objectId = subject.id();
            objectName = subject.auditName();
        }
        String arguments = AuditArguments.json(params, values);
        if (caller == null) {
            return new AuditEvent(
                    null,
                    principal,
                    null,
                    null,
                    false,
                    audited.value(),
                    audited.objectType(),
                    objectId,
                    objectName,
                    arguments,
                    outcome,
                    sourceAddress());
        }
        return new AuditEvent(
                caller.adminId(),
                caller.principal(),
                caller.tenantId(),
                caller.tenantName(),
                caller.superadmin(),
                audited.value(),
                audited.objectType(),
                objectId,
                objectName,
                arguments,
                outcome,
                sourceAddress());
    }

    private String sourceAddress() {
        try {
            return origin.isResolvable() ? origin.get().sourceAddress() : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
