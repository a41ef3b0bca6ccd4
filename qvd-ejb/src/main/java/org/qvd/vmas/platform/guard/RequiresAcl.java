package org.qvd.vmas.platform.guard;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An admin operation: {@link GuardInterceptor} validates the arguments, resolves the caller to an
 * administrator, checks this ACL, runs the method and, if it is also {@link Audited}, audits it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresAcl {
    /** For operations any authenticated administrator may call (e.g. "who am I"). */
    String AUTHENTICATED = "*authenticated*";

    /** The ACL, e.g. {@code vm.update.state}; empty on a type = each method names its own. */
    @Nonbinding
    String value() default "";
}
