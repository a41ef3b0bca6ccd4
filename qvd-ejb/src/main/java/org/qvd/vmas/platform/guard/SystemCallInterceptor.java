package org.qvd.vmas.platform.guard;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.Validator;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.platform.error.Errors;
import org.qvd.vmas.platform.error.QvdException;

/** Calls by system components: validated, run as {@link Caller#system()}, audited as "system". */
@Interceptor
@SystemCall
@Priority(Interceptor.Priority.APPLICATION)
public class SystemCallInterceptor {

    @Inject
    AuditSink audit;

    @Inject
    Validator validator;

    @Inject
    Instance<RequestOrigin> origin;

    @AroundInvoke
    public Object call(InvocationContext ic) throws Exception {
        InterceptedCall call = new InterceptedCall(ic);
        Caller system = Caller.system();
        try {
            call.validate(validator);
            Object result = call.proceedAs(system, audit);
            call.auditSuccess(audit, system, system.adminName(), result, origin);
            return result;
        } catch (Exception e) {
            QvdException error = Errors.translate(e);
            call.auditRefusal(audit, system, system.adminName(), error, origin);
            throw error;
        }
    }
}
