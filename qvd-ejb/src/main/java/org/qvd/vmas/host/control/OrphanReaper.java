package org.qvd.vmas.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.vmas.config.control.ConfigResolver;

/**
 * Asks a host to destroy a VM it runs that the VMAS does not place there (an orphan), once: every heartbeat
 * lists the orphan again until the host has reaped it, and re-sending (and re-logging) then only floods the
 * host's queue and the log. A reap is sent again only after the command timeout, when the first one has
 * expired unexecuted. Per VMAS node: in a cluster each node may send one.
 */
@ApplicationScoped
public class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class.getName());

    private final Map<String, Instant> sent = new ConcurrentHashMap<>();

    @Inject
    HostCommandSender commands;

    @Inject
    ConfigResolver config;

    /** Sends the reap unless one for this VM on this host is still valid; returns whether it sent one. */
    public boolean reap(String hostName, long vmId, String reason) {
        Instant now = Instant.now();
        Instant validUntil = now.plusSeconds(config.get(null, HostConfigKeys.COMMAND_TIMEOUT));
        String key = hostName + "/" + vmId;
        Instant previous = sent.get(key);
        if (previous != null && previous.isAfter(now)) {
            return false;
        }
        sent.put(key, validUntil);
        sent.values().removeIf(until -> until.isBefore(now));
        LOG.info(() -> "reaping VM " + vmId + " on host " + hostName + ": " + reason);
        commands.send(new ReapVmCommand(hostName, HostCommandSender.newCorrelationId(), vmId, reason, validUntil));
        return true;
    }
}
