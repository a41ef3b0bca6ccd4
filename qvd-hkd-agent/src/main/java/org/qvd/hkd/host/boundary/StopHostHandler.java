package org.qvd.hkd.host.boundary;

import java.util.logging.Logger;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.CommandHandler;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.vm.boundary.StopVmHandler;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.protocol.state.HostState;

/**
 * StopHost: reports {@code stopping}, stops every QVD VM on the host as StopVm would (each reported
 * {@code stopped}), reports the host {@code stopped}, then ends the agent. Repeating it is harmless: with
 * no VMs left it only reports again.
 */
public final class StopHostHandler implements CommandHandler<StopHostCommand> {

    private static final Logger LOG = Logger.getLogger(StopHostHandler.class.getName());

    private final HkdConfig config;
    private final VmDomains domains;
    private final StopVmHandler stopVm;
    private final HostAnnouncer announcer;
    private final EventSink events;
    private final Runnable afterStop;

    /** @param afterStop ends the agent once everything is reported (the daemon's shutdown) */
    public StopHostHandler(
            HkdConfig config,
            VmDomains domains,
            StopVmHandler stopVm,
            HostAnnouncer announcer,
            EventSink events,
            Runnable afterStop) {
        this.config = config;
        this.domains = domains;
        this.stopVm = stopVm;
        this.announcer = announcer;
        this.events = events;
        this.afterStop = afterStop;
    }

    @Override
    public void handle(StopHostCommand command) {
        LOG.info(() -> "StopHost " + command.correlationId() + ": stopping every VM");
        announcer.state(HostState.STOPPING);
        events.publish(
                new HostStateChanged(command.hostName(), command.correlationId(), HostState.STOPPING, "StopHost"));
        for (VmDomain vm : domains.list()) {
            stopVm.stop(command.hostName(), command.correlationId(), vm.vmId(), config.get(HkdConfig.STOP_GRACE));
        }
        events.publish(
                new HostStateChanged(command.hostName(), command.correlationId(), HostState.STOPPED, "StopHost"));
        LOG.info(() -> "StopHost " + command.correlationId() + ": host stopped; ending the agent");
        afterStop.run();
    }
}
