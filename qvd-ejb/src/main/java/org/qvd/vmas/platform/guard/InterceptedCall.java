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

    private final InvocationContext ic;
    private final Method method;
    private final Audited audited;

    InterceptedCall(InvocationContext ic) {
        this.ic = ic;
        this.method = ic.getMethod();
        this.audited = method.getAnnotation(Audited.class);
    }

    Method method() {
        return method;
    }

    void validate(Validator validator) {
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

    Object proceedAs(Caller caller, AuditSink audit) throws Exception {
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

    void auditSuccess(AuditSink audit, Caller caller, String principal, Object result, Instance<RequestOrigin> origin) {
        if (audited != null) {
            audit.record(event(caller, principal, result, AuditEvent.OK, origin));
        }
    }

    void auditRefusal(
            AuditSink audit, Caller caller, String principal, QvdException error, Instance<RequestOrigin> origin) {
        if (audited != null) {
            try {
                audit.recordRefusal(event(caller, principal, null, error.code(), origin));
            } catch (RuntimeException e) {
                // the refusal itself must reach the caller even if its audit cannot be written
                java.util.logging.Logger.getLogger(InterceptedCall.class.getName())
                        .warning("could not audit refusal " + error.code() + ": " + e);
            }
        }
    }

    private AuditEvent event(
            Caller caller, String principal, Object result, String outcome, Instance<RequestOrigin> origin) {
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
                    sourceAddress(origin));
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
                sourceAddress(origin));
    }

    private static String sourceAddress(Instance<RequestOrigin> origin) {
        try {
            return origin.isResolvable() ? origin.get().sourceAddress() : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
