package org.qvd.vmas.platform.guard;

import java.util.function.Supplier;

/** Runs a service's code as a given caller outside the container (what the guard interceptors do around a call). */
public final class AsCaller {

    private AsCaller() {}

    public static <T> T call(Caller caller, Supplier<T> work) {
        CurrentCaller.push(caller);
        try {
            return work.get();
        } finally {
            CurrentCaller.pop();
        }
    }
}
