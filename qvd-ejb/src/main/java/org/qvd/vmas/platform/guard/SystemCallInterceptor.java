package org.qvd.vmas.platform.guard;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.Validator;
import org.qvd.vmas.platform.audit.AuditSink;

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
        Caller system = Caller.system();
        return new InterceptedCall(ic, validator, audit, origin).run(system.adminName(), () -> system);
    }
}
