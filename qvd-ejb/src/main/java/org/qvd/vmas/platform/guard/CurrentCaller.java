package org.qvd.vmas.platform.guard;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The caller of the service method running on this thread, set by the interceptors around each
 * guarded call (local EJB calls stay on the caller's thread, so a thread-local stack is enough).
 */
public final class CurrentCaller {

    private static final ThreadLocal<Deque<Caller>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private CurrentCaller() {}

    /** The current caller; fails if called outside a guarded or system service method. */
    public static Caller get() {
        Caller caller = STACK.get().peek();
        if (caller == null) {
            throw new IllegalStateException("no caller: method is not guarded by @RequiresAcl or @SystemCall");
        }
        return caller;
    }

    static void push(Caller caller) {
        STACK.get().push(caller);
    }

    static void pop() {
        Deque<Caller> stack = STACK.get();
        stack.pop();
        if (stack.isEmpty()) {
            STACK.remove();
        }
    }
}
