package org.qvd.vmas.totp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qvd.vmas.platform.SecretColumn;

/**
 * An administrator's TOTP secret. Unconfirmed until the admin typed a first good code (a scan gone wrong must not lock
 * the admin out); {@link #lastStep} refuses a code's second use within its 30 s window.
 */
@Entity
@Table(name = "admin_totp")
public class AdminTotp {

    @Id
    @Column(name = "administrator_id")
    private Long administratorId;

    @Convert(converter = SecretColumn.class) // encrypted at rest with the installation's key
    @Column(name = "secret", nullable = false, length = 256)
    private String secret;

    @Column(name = "confirmed", nullable = false)
    private boolean confirmed;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected AdminTotp() {}

    public AdminTotp(long administratorId, String secret) {
        this.administratorId = administratorId;
        this.secret = secret;
    }

    /** A new secret, unconfirmed again. */
    public void replaceSecret(String newSecret) {
        this.secret = newSecret;
        this.confirmed = false;
        this.lastStep = 0;
        this.createdAt = Instant.now();
    }

    /** Records the step of a code just accepted; the first one confirms the enrolment. */
    public void used(long step) {
        this.lastStep = step;
        this.confirmed = true;
    }

    public Long getAdministratorId() {
        return administratorId;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public long getLastStep() {
        return lastStep;
    }
}
