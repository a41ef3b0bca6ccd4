package org.qvd.hkd.vm.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.messaging.CommandHandler;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmStorage;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.vm.PurgeHomeCommand;

/**
 * PurgeHome: the VMAS deleted the VM with an explicit home purge. Deletes its home volume if this host's homes pool
 * has it (every running host gets the command; on shared storage the first one deletes it). A domain of that VM
 * still running here keeps its disk: refused with {@code CommandFailed}. Nothing is answered on success.
 */
public final class PurgeHomeHandler implements CommandHandler<PurgeHomeCommand> {

    private static final Logger LOG = Logger.getLogger(PurgeHomeHandler.class.getName());

    private final VmDomains domains;
    private final VmStorage storage;
    private final VmLocks locks;
    private final EventSink events;

    public PurgeHomeHandler(VmDomains domains, VmStorage storage, VmLocks locks, EventSink events) {
        this.domains = domains;
        this.storage = storage;
        this.locks = locks;
        this.events = events;
    }

    @Override
    public void handle(PurgeHomeCommand command) {
        long vmId = command.vmId();
        locks.withLock(vmId, () -> {
            try {
                if (domains.find(vmId).isPresent()
                        || domains.containers().flatMap(c -> c.describe(vmId)).isPresent()) {
                    throw new HkdException("a domain of VM " + vmId + " still exists on this host");
                }
                if (storage.deleteHomeDisk(vmId)) {
                    LOG.info(() -> "home disk of VM " + vmId + " purged (" + command.correlationId() + ")");
                }
                if (domains.containers().map(c -> c.purgeHome(vmId)).orElse(false)) {
                    LOG.info(() ->
                            "home directory of container VM " + vmId + " purged (" + command.correlationId() + ")");
                }
            } catch (HkdException e) {
                LOG.log(Level.WARNING, "PurgeHome of VM " + vmId + " failed: " + e.getMessage());
                events.publish(new CommandFailed(
                        command.hostName(), command.correlationId(), "PurgeHome", vmId, null, e.getMessage()));
            }
        });
    }
}
