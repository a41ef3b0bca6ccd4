package org.qvd.vmas.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;

/**
 * Refuses host events a host sent in another's name (or whose sender is unknown): nothing is applied, the first
 * refusal of each sender and named host is audited and logged (SEVERE) on this node, further ones only counted at
 * FINE, so a host that keeps trying fills neither the audit log nor the server log.
 */
@ApplicationScoped
public class HostEventRefusals {

    private static final Logger LOG = Logger.getLogger(HostEventRefusals.class.getName());

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Inject
    AuditSink audit;

    public void refuse(HostEventSender sender, String code, String type) {
        String why = sender.explain(type);
        if (!reported.add(sender.account() + " " + sender.namedHost())) {
            LOG.fine(() -> "refused again: " + why);
            return;
        }
        LOG.severe(() -> "refused a host event: " + why + " (audited as " + code + "; further refusals of "
                + sender.account() + " naming " + sender.namedHost() + " are not logged)");
        audit.recordRefusal(new AuditEvent(
                null,
                sender.account(),
                null,
                null,
                false,
                "host.event",
                "host",
                null,
                sender.namedHost(),
                why,
                code,
                null));
    }
}
