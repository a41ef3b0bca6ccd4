package org.qvd.vmas.watch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One administrator's View or Assist of one VM: issued with a secret whose hash only is kept, redeemed once before
 * it expires ({@link #REDEEM} is a single conditional update, so two nodes cannot both redeem it), ended once.
 */
@Entity
@Table(name = "vm_watch_ticket")
@NamedQuery(
        name = WatchTicket.REDEEM,
        query = "UPDATE WatchTicket t SET t.usedAt = :now WHERE t.id = :id"
                + " AND t.usedAt IS NULL AND t.expiresAt > :now AND t.secretHash = :hash")
public class WatchTicket {
    public static final String REDEEM = "WatchTicket.redeem";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vm_id", nullable = false)
    private long vmId;

    @Column(name = "admin_id")
    private Long adminId;

    @Column(name = "admin_name", nullable = false)
    private String adminName;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "tenant_name")
    private String tenantName;

    @Column(name = "mode", nullable = false)
    private String mode;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected WatchTicket() {}

    public WatchTicket(
            long vmId,
            Long adminId,
            String adminName,
            Long tenantId,
            String tenantName,
            String mode,
            String secretHash,
            Instant now,
            Duration validity) {
        if (!mode.equals("view") && !mode.equals("assist")) {
            throw new IllegalArgumentException("mode must be view or assist");
        }
        this.vmId = vmId;
        this.adminId = adminId;
        this.adminName = adminName;
        this.tenantId = tenantId;
        this.tenantName = tenantName;
        this.mode = mode;
        this.secretHash = secretHash;
        this.issuedAt = now;
        this.expiresAt = now.plus(validity);
    }

    /** Ends a redeemed use once; answers how long it lasted, or null when it was never used or already ended. */
    public Duration end(Instant now) {
        if (usedAt == null || endedAt != null) {
            return null;
        }
        endedAt = now;
        return Duration.between(usedAt, now);
    }

    public Long getId() {
        return id;
    }

    public long getVmId() {
        return vmId;
    }

    public Long getAdminId() {
        return adminId;
    }

    public String getAdminName() {
        return adminName;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public String getTenantName() {
        return tenantName;
    }

    public String getMode() {
        return mode;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
