package com.breachnotice.local;

/**
 * Observes every handler invocation of the local runtime. Meant for tests and diagnostics: it sees what
 * happened, it cannot change it.
 */
@FunctionalInterface
public interface InvocationListener {

    InvocationListener NONE = invocation -> {};

    /** Called on the invoking thread after each invocation; must be quick and must not throw. */
    void invoked(Invocation invocation);
}
