package org.qvd.vmas.platform.audit;

/** Where the interceptors write audit entries; implemented by the audit component. */
public interface AuditSink {
    /** In the caller's transaction: the entry exists only if the action commits. */
    void record(AuditEvent event);

    /** In a new transaction: the refusal is kept although the action rolls back. */
    void recordRefusal(AuditEvent event);

    /** Flushes the caller's persistence context so constraint violations surface inside the call. */
    void flush();
}
