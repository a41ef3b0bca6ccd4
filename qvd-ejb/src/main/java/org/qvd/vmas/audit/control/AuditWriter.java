package org.qvd.vmas.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.qvd.vmas.audit.entity.AuditEntry;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;

/** Persists audit entries: successes with the action, refusals on their own (REQUIRES_NEW). */
@Stateless
public class AuditWriter implements AuditSink {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        em.persist(new AuditEntry(event, Instant.now()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AuditEvent event) {
        em.persist(new AuditEntry(event, Instant.now()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void flush() {
        em.flush();
    }
}
