package org.qvd.vmas.platform.audit;

/** A DTO the audit can name: returned by an audited method, it gives the entry's object id and name. */
public interface AuditSubject {
    Long id();

    String auditName();
}
