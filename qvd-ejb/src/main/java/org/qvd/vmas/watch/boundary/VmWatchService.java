package org.qvd.vmas.watch.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.InvalidStateException;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmError;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.watch.entity.WatchTicket;

/**
 * View (read-only) and Assist (shared keyboard and mouse) of a user's running desktop by an administrator (issue 18,
 * docs/browser.md). {@link #view}/{@link #assist} are the admin operations (ACL {@code vm.spy}/{@code vm.assist},
 * tenant scope, audited as {@code vm.spy}/{@code vm.assist}); they give a ticket valid for {@link #VALIDITY}, which the
 * relay redeems once ({@link #redeem}) and ends when the viewer leaves ({@link #ended}: audited as
 * {@code vm.spy.end}/{@code vm.assist.end} with the seconds it lasted).
 */
@Stateless
public class VmWatchService {
    static final Duration VALIDITY = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    AuditSink audit;

    /** What the relay may do with a redeemed ticket, and who does it (named in the notice the watched user sees). */
    public record Grant(long ticketId, long vmId, String mode, String adminName) {}

    @RequiresAcl("vm.spy")
    @Audited(value = "vm.spy", objectType = "vm")
    public WatchTicketDto view(@NotNull Long id) {
        return issue(id, "view");
    }

    @RequiresAcl("vm.assist")
    @Audited(value = "vm.assist", objectType = "vm")
    public WatchTicketDto assist(@NotNull Long id) {
        return issue(id, "assist");
    }

    private WatchTicketDto issue(Long id, String mode) {
        Vm vm = Scoped.find(em, Vm.class, id, v -> v.getUser().getTenant().getId(), VmError.NOT_FOUND);
        if (vm.getRuntime().getState() != VmState.RUNNING) {
            throw new InvalidStateException(
                    VmError.NOT_RUNNING,
                    "the VM is "
                            + vm.getRuntime().getState().name().toLowerCase(java.util.Locale.ROOT)
                            + ": only a running desktop can be viewed");
        }
        Caller caller = CurrentCaller.get();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WatchTicket ticket = new WatchTicket(
                vm.getId(),
                caller.adminId(),
                caller.principal(),
                caller.tenantId(),
                caller.tenantName(),
                mode,
                hash(secret),
                Instant.now(),
                VALIDITY);
        em.persist(ticket);
        em.flush();
        return new WatchTicketDto(ticket.getId(), secret, vm.getId(), vm.getName(), mode, ticket.getExpiresAt());
    }

    /**
     * Redeems a ticket: once, before it expires, with its secret; anything else (reused, forged, expired, unknown)
     * answers empty and changes nothing. Called by the relay, which the ticket alone authorises.
     */
    public Optional<Grant> redeem(long ticketId, String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        int updated = em.createNamedQuery(WatchTicket.REDEEM)
                .setParameter("now", Instant.now())
                .setParameter("id", ticketId)
                .setParameter("hash", hash(secret))
                .executeUpdate();
        if (updated != 1) {
            return Optional.empty();
        }
        WatchTicket ticket = em.find(WatchTicket.class, ticketId);
        return Optional.of(new Grant(ticket.getId(), ticket.getVmId(), ticket.getMode(), ticket.getAdminName()));
    }

    /** The viewer left: the audit gets who watched which VM, how, and for how long. */
    public void ended(long ticketId) {
        WatchTicket ticket = em.find(WatchTicket.class, ticketId);
        Duration lasted = ticket == null ? null : ticket.end(Instant.now());
        if (lasted == null) {
            return;
        }
        Vm vm = em.find(Vm.class, ticket.getVmId());
        audit.record(new AuditEvent(
                ticket.getAdminId(),
                ticket.getAdminName(),
                ticket.getTenantId(),
                ticket.getTenantName(),
                ticket.getTenantId() != null && ticket.getTenantId() == Caller.SUPERTENANT_ID,
                ticket.getMode().equals("view") ? "vm.spy.end" : "vm.assist.end",
                "vm",
                ticket.getVmId(),
                vm == null ? null : vm.getName(),
                "{\"mode\":\"" + ticket.getMode() + "\",\"seconds\":" + lasted.toSeconds() + "}",
                AuditEvent.OK,
                null));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
