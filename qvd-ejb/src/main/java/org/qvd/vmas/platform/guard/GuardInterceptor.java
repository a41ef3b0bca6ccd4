package org.qvd.vmas.platform.guard;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.Validator;
import java.security.Principal;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.qvd.vmas.platform.audit.AuditSink;

/**
 * Every admin operation, in this order: validate the arguments → resolve the caller and check the
 * method's ACL → execute → audit (success in the same transaction, refusal in a new one).
 */
@Interceptor
@RequiresAcl
@Priority(Interceptor.Priority.APPLICATION)
public class GuardInterceptor {

    @Inject
    CallerLookup callers;

    @Inject
    AuditSink audit;

    @Inject
    Validator validator;

    @Inject
    Instance<RequestOrigin> origin;

    @AroundInvoke
    public Object guard(InvocationContext ic) throws Exception {
        String principal = principalName();
        return new InterceptedCall(ic, validator, audit, origin).run(principal, () -> {
            Caller caller = callers.resolve(principal);
            String acl = acl(ic);
            if (!RequiresAcl.AUTHENTICATED.equals(acl)) {
                caller.require(acl);
            }
            return caller;
        });
    }

    private static String acl(InvocationContext ic) {
        RequiresAcl onMethod = ic.getMethod().getAnnotation(RequiresAcl.class);
        if (onMethod != null && !onMethod.value().isEmpty()) {
            return onMethod.value();
        }
        throw new IllegalStateException("no ACL named on " + ic.getMethod());
    }

    /** The EJB caller principal, as Elytron established it ({@code name@tenant}, or "anonymous"). */
    @SuppressWarnings("BanJNDI") // a fixed name of the server's own, never user input
    private static String principalName() {
        try {
            jakarta.ejb.EJBContext ctx = InitialContext.doLookup("java:comp/EJBContext");
            Principal p = ctx.getCallerPrincipal();
            return p == null ? "anonymous" : p.getName();
        } catch (NamingException | IllegalStateException e) {
            return "anonymous";
        }
    }
}
