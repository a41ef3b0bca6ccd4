package org.qvd.hkd.vm.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.CommandHandler;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.DomainXmlBuilder;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDhcp;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmStorage;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.hkd.vm.entity.DomainSpec;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * StartVm: DHCP entry, disks, domain, then waits for the VMA; reports {@code running} only once the VMA
 * answers. A VM whose domain already runs (a duplicate command) is not started again: the handler only
 * waits for its VMA. Any failure tears the VM down and reports {@code CommandFailed}.
 */
public final class StartVmHandler implements CommandHandler<StartVmCommand> {

    private static final Logger LOG = Logger.getLogger(StartVmHandler.class.getName());

    private final HkdConfig config;
    private final VmDomains domains;
    private final VmStorage storage;
    private final VmDhcp dhcp;
    private final VmaClient vma;
    private final VmLocks locks;
    private final VmActivities activities;
    private final EventSink events;
    private final DomainXmlBuilder xml = new DomainXmlBuilder();

    public StartVmHandler(HkdConfig config, VmDomains domains, VmStorage storage, VmDhcp dhcp, VmaClient vma,
            VmLocks locks, VmActivities activities, EventSink events) {
        this.config = config;
        this.domains = domains;
        this.storage = storage;
        this.dhcp = dhcp;
        this.vma = vma;
        this.locks = locks;
        this.activities = activities;
        this.events = events;
    }

    @Override
    public void handle(StartVmCommand command) {
        locks.withLock(command.vmId(), () -> start(command));
    }

    private void start(StartVmCommand command) {
        long vmId = command.vmId();
        try {
            if (domains.isRunning(vmId)) {
                LOG.info(() -> "VM " + vmId + " already runs; checking its VMA only (" + command.correlationId() + ")");
            } else {
                activities.begin(vmId, VmState.STARTING);
                events.publish(state(command, VmState.STARTING, null));
                launch(command);
            }
            awaitVma(command);
            LOG.info(() -> "VM " + vmId + " running at " + command.ip());
            events.publish(state(command, VmState.RUNNING, command.ip()));
        } catch (HkdException e) {
            fail(command, e.getMessage(), e);
        } catch (RuntimeException e) {
            fail(command, "internal error: " + e, e);
        } finally {
            activities.end(vmId);
        }
    }

    private void launch(StartVmCommand command) {
        long vmId = command.vmId();
        domains.destroy(vmId); // a defined but stopped leftover would block the name
        dhcp.ensureHost(vmId, command.mac(), command.ip());
        String osDisk = command.useOverlay()
                ? storage.prepareOverlay(vmId, command.diPath(), command.persistentOverlay())
                : storage.diskImagePath(command.diPath());
        String homeDisk = command.homeDiskSizeMb() > 0 ? storage.ensureHomeDisk(vmId, command.homeDiskSizeMb()) : null;
        domains.create(vmId, xml.build(spec(command, osDisk, homeDisk)));
        LOG.info(() -> "VM " + vmId + " domain " + VmNames.domainName(vmId) + " created; waiting for its VMA");
    }

    private DomainSpec spec(StartVmCommand command, String osDisk, String homeDisk) {
        StartVmCommand.DirectBoot boot = command.directBoot();
        return new DomainSpec(command.vmId(), command.vmName(), VmNames.domainUuid(command.vmId()),
                config.get(HkdConfig.DOMAIN_TYPE), config.get(HkdConfig.ARCH), command.memoryMb(), command.cpus(),
                osDisk, !command.useOverlay(), homeDisk, config.get(HkdConfig.NETWORK_NAME), command.mac(),
                command.ip(), boot == null ? null : hostPath(boot.kernelPath()),
                boot == null || boot.initrdPath() == null ? null : hostPath(boot.initrdPath()),
                boot == null ? null : boot.cmdline());
    }

    /** Kernel and initrd named relative to the image store (as the VMAS does for its DIs) resolve there. */
    private String hostPath(String path) {
        return path.startsWith("/") ? path : storage.diskImagePath(path);
    }

    private void awaitVma(StartVmCommand command) {
        Duration timeout = config.get(HkdConfig.VMA_START_TIMEOUT);
        Instant deadline = Instant.now().plus(timeout);
        while (!vma.ping(command.ip())) {
            if (!domains.isRunning(command.vmId())) {
                throw new HkdException("domain " + VmNames.domainName(command.vmId()) + " ended while booting");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new HkdException("VMA at " + command.ip() + ":" + config.get(HkdConfig.VMA_PORT)
                        + " did not answer within " + timeout.toSeconds() + " s");
            }
            pause(config.get(HkdConfig.VMA_PING_INTERVAL));
        }
    }

    private void fail(StartVmCommand command, String reason, Exception cause) {
        LOG.log(Level.WARNING, "StartVm " + command.correlationId() + " for VM " + command.vmId() + " failed: " + reason,
                cause instanceof HkdException ? null : cause);
        try {
            new VmTeardown(domains, storage, dhcp).teardown(command.vmId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup after failed start of VM " + command.vmId() + " failed too", e);
        }
        events.publish(new CommandFailed(command.hostName(), command.correlationId(), "StartVm", command.vmId(),
                VmState.STOPPED, reason));
    }

    private static VmStateChanged state(StartVmCommand command, VmState state, String ip) {
        return new VmStateChanged(command.hostName(), command.correlationId(), command.vmId(), state, ip, null);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HkdException("interrupted: the agent is shutting down");
        }
    }
}
