package org.qvd.vmas.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a state-changing method for the audit log: action (e.g. {@code vm.block}) and object type.
 * Read by the guard and system interceptors, which write the entry once, for success and refusal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
    String value();

    String objectType();
}
