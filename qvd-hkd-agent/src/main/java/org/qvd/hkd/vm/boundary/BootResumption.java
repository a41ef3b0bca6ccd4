package org.qvd.hkd.vm.boundary;

import java.time.Instant;
import java.util.logging.Logger;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.vm.control.BootWaits;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * At agent start: every running QVD domain may be a start the previous agent process did not finish (it was
 * killed while the guest booted). Its VMA is awaited again, and {@code running} reported once it answers, so
 * the VMAS's {@code starting} VM ends {@code running} rather than at the start timeout. For a VM that was
 * already running the report is a harmless duplicate. A VMA that stays silent is left to the VMAS's start
 * timeout and the VMA monitor: a restarted agent never destroys a guest on its own.
 */
public final class BootResumption {

    private static final Logger LOG = Logger.getLogger(BootResumption.class.getName());

    private final String hostName;
    private final HkdConfig config;
    private final VmDomains domains;
    private final BootWaits waits;
    private final VmLocks locks;
    private final EventSink events;

    public BootResumption(
            String hostName, HkdConfig config, VmDomains domains, BootWaits waits, VmLocks locks, EventSink events) {
        this.hostName = hostName;
        this.config = config;
        this.domains = domains;
        this.waits = waits;
        this.locks = locks;
        this.events = events;
    }

    public void resume() {
        Instant giveUpAt = Instant.now().plus(config.get(HkdConfig.VMA_START_TIMEOUT));
        for (VmDomain vm : domains.list()) {
            if (!vm.active() || vm.ip() == null) {
                continue;
            }
            locks.withLock(
                    vm.vmId(),
                    () -> waits.await(vm.vmId(), vm.ip(), vm.vmaKey(), giveUpAt, new BootWaits.Outcome() {
                        @Override
                        public void running() {
                            events.publish(
                                    new VmStateChanged(hostName, null, vm.vmId(), VmState.RUNNING, vm.ip(), null));
                        }

                        @Override
                        public void failed(String reason) {
                            LOG.warning(() -> "VM " + vm.vmId() + " found running at agent start: " + reason
                                    + "; left to the VMAS");
                        }
                    }));
            LOG.info(() -> "VM " + vm.vmId() + " found running at agent start; awaiting its VMA");
        }
    }
}
