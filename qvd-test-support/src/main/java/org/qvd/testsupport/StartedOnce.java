package org.qvd.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that starts something expensive (a system, a cluster) once per test run or once per test class,
 * hands it to constructors and methods that ask for its type, and closes it when the run or class ends.
 *
 * @param <T> what is started
 */
public abstract class StartedOnce<T extends AutoCloseable> implements BeforeAllCallback, ParameterResolver {

    /** How long one started thing lives. */
    public enum Per {
        /** Shared by every class of the run (the system and cluster tiers). */
        RUN,
        /** One per test class, never shared (the faults tier: a fault breaks it). */
        CLASS
    }

    private final Class<T> type;
    private final Per per;

    protected StartedOnce(Class<T> type, Per per) {
        this.type = type;
        this.per = per;
    }

    /** Starts it; {@code testClass} is the first (or, per class, the) class that needs it. */
    protected abstract T start(Class<?> testClass);

    /** Before it is started: e.g. skip when a required tool is missing. */
    protected void checkPresent() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        checkPresent();
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return started(context);
    }

    private T started(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()
                && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        ExtensionContext scope = per == Per.RUN ? context.getRoot() : classContext;
        Started<?> started = scope.getStore(ExtensionContext.Namespace.create(getClass(), per))
                .getOrComputeIfAbsent("started", k -> new Started<>(start(testClass)), Started.class);
        return type.cast(started.value());
    }

    /** JUnit closes what its store holds when the run or class ends. */
    private record Started<T extends AutoCloseable>(T value) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            value.close();
        }
    }
}
