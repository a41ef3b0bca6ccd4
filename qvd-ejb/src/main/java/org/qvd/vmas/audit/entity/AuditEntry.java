package org.qvd.vmas.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qvd.vmas.platform.audit.AuditEvent;

/** One admin (or system) action and its result: {@code ok} or the error code. Never changed. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "admin_id")
    private Long adminId;

    @Column(name = "admin_name", nullable = false, length = 200)
    private String adminName;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "tenant_name", length = 64)
    private String tenantName;

    @Column(name = "superadmin", nullable = false)
    private boolean superadmin;

    @Column(name = "action", nullable = false, length = 128)
    private String action;

    @Column(name = "object_type", length = 32)
    private String objectType;

    @Column(name = "object_id")
    private Long objectId;

    @Column(name = "object_name", length = 255)
    private String objectName;

    @Column(name = "arguments", columnDefinition = "text")
    private String arguments;

    @Column(name = "result", nullable = false, length = 128)
    private String result;

    @Column(name = "source_address", length = 128)
    private String sourceAddress;

    protected AuditEntry() {}

    public AuditEntry(AuditEvent e, Instant at) {
        this.at = at;
        this.adminId = e.adminId();
        this.adminName = cut(e.adminName(), 200);
        this.action = cut(e.action(), 128);
        this.tenantId = e.tenantId();
        this.tenantName = cut(e.tenantName(), 64);
        this.superadmin = e.superadmin();
        this.objectType = e.objectType();
        this.objectId = e.objectId();
        this.objectName = cut(e.objectName(), 255);
        this.arguments = cut(e.arguments(), 8192);
        this.result = cut(e.result(), 128);
        this.sourceAddress = cut(e.sourceAddress(), 128);
    }

    /** Bounded, and without NUL, which PostgreSQL cannot store (the entry of a refused call must still be written). */
    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String storable = s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
        return storable.length() <= max ? storable : storable.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    /** What was recorded, as the interceptors saw it (texts as stored: cut to their columns). */
    public AuditEvent event() {
        return new AuditEvent(
                adminId,
                adminName,
                tenantId,
                tenantName,
                superadmin,
                action,
                objectType,
                objectId,
                objectName,
                arguments,
                result,
                sourceAddress);
    }
}
