package org.qvd.hkd.vm.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.CommandHandler;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.BootWaits;
import org.qvd.hkd.vm.control.DomainXmlBuilder;
import org.qvd.hkd.vm.control.StartFailures;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDhcp;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmStorage;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.hkd.vm.entity.DomainSpec;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * StartVm: DHCP entry, disks, domain, then hands the VM to {@link BootWaits}, which reports {@code running}
 * only once the VMA answers, without holding this thread. A VM whose domain already runs (a duplicate command)
 * is not started again: only its VMA is awaited; a duplicate of a start still waiting is answered by that
 * start. A failure (also: the domain dies while booting, the VMA stays silent) tears the VM down and reports
 * {@code CommandFailed} with the reason. A command past its deadline when its turn comes is not executed.
 */
public final class StartVmHandler implements CommandHandler<StartVmCommand> {

    private static final Logger LOG = Logger.getLogger(StartVmHandler.class.getName());

    private final HkdConfig config;
    private final VmDomains domains;
    private final VmStorage storage;
    private final VmDhcp dhcp;
    private final BootWaits waits;
    private final VmLocks locks;
    private final VmActivities activities;
    private final EventSink events;
    private final HostMemory memory;
    private final Clock clock;
    private final DomainXmlBuilder xml = new DomainXmlBuilder();

    public StartVmHandler(
            HkdConfig config,
            VmDomains domains,
            VmStorage storage,
            VmDhcp dhcp,
            BootWaits waits,
            VmLocks locks,
            VmActivities activities,
            EventSink events,
            HostMemory memory,
            Clock clock) {
        this.config = config;
        this.domains = domains;
        this.storage = storage;
        this.dhcp = dhcp;
        this.waits = waits;
        this.locks = locks;
        this.activities = activities;
        this.events = events;
        this.memory = memory;
        this.clock = clock;
    }

    /** How much memory the host can still give a new guest, in MiB. */
    @FunctionalInterface
    public interface HostMemory {

        long availableMb();
    }

    @Override
    public void handle(StartVmCommand command) {
        locks.withLock(command.vmId(), () -> start(command));
    }

    private void start(StartVmCommand command) {
        long vmId = command.vmId();
        if (command.expiredAt(clock.instant())) {
            // it waited behind another command for this VM until the VMAS gave up on it
            LOG.warning(() -> "StartVm " + command.correlationId() + " for VM " + vmId + " expired at "
                    + command.deadline() + " before its turn; not executed");
            events.publish(new CommandFailed(
                    command.hostName(), command.correlationId(), "StartVm", vmId, null, HkdCommand.EXPIRED));
            return;
        }
        if (waits.waiting(vmId)) {
            LOG.info(() -> "VM " + vmId + " is already starting; " + command.correlationId()
                    + " is answered by the start in progress");
            return;
        }
        try {
            activities.begin(vmId, VmState.STARTING);
            if (domains.isRunning(vmId)) {
                LOG.info(() -> "VM " + vmId + " already runs; checking its VMA only (" + command.correlationId() + ")");
            } else {
                events.publish(state(command, VmState.STARTING, null));
                launch(command);
            }
            awaitVma(command);
        } catch (HkdException e) {
            fail(command, StartFailures.explain(e.getMessage()), e);
        } catch (RuntimeException e) {
            fail(command, "internal error: " + e, e);
        }
    }

    private void launch(StartVmCommand command) {
        long vmId = command.vmId();
        long available = memory.availableMb();
        if (available < command.memoryMb()) {
            throw new HkdException(StartFailures.OUT_OF_MEMORY + ": the VM needs " + command.memoryMb()
                    + " MiB, the host has " + available + " MiB available");
        }
        domains.destroy(vmId); // a defined but stopped leftover would block the name
        if (command.runsAsContainer()) {
            launchContainer(command);
            return;
        }
        // disks first: a missing image or a full store is the likeliest failure, and leaves no DHCP entry to undo
        String osDisk = command.useOverlay()
                ? storage.prepareOverlay(vmId, command.diPath(), command.persistentOverlay())
                : storage.diskImagePath(command.diPath());
        if (command.directBoot() == null) {
            storage.requireBootable(osDisk);
        }
        String homeDisk = command.homeDiskSizeMb() > 0 ? storage.ensureHomeDisk(vmId, command.homeDiskSizeMb()) : null;
        dhcp.ensureHost(vmId, command.mac(), command.ip());
        domains.create(vmId, xml.build(spec(command, osDisk, homeDisk)));
        LOG.info(() -> "VM " + vmId + " domain " + VmNames.domainName(vmId) + " created; waiting for its VMA");
    }

    /** A container desktop (issue 17): the same DHCP entry as a VM's, then the container driver. */
    private void launchContainer(StartVmCommand command) {
        var containers = domains.containers()
                .orElseThrow(() -> new HkdException("this host does not run container desktops (hkd.conf: kinds)"));
        dhcp.ensureHost(command.vmId(), command.mac(), command.ip());
        containers.launch(command);
        LOG.info(() -> "VM " + command.vmId() + " container " + VmNames.domainName(command.vmId())
                + " started; waiting for its VMA");
    }

    private DomainSpec spec(StartVmCommand command, String osDisk, String homeDisk) {
        StartVmCommand.DirectBoot boot = command.directBoot();
        return new DomainSpec(
                command.vmId(),
                command.vmName(),
                VmNames.domainUuid(command.vmId()),
                config.get(HkdConfig.DOMAIN_TYPE),
                config.get(HkdConfig.ARCH),
                command.memoryMb(),
                command.cpus(),
                osDisk,
                !command.useOverlay(),
                homeDisk,
                config.get(HkdConfig.NETWORK_NAME),
                command.mac(),
                command.ip(),
                boot == null ? null : hostPath(boot.kernelPath()),
                boot == null || boot.initrdPath() == null ? null : hostPath(boot.initrdPath()),
                boot == null ? null : boot.cmdline(),
                command.vmaKey());
    }

    /** Kernel and initrd named relative to the image store (as the VMAS does for its DIs) resolve there. */
    private String hostPath(String path) {
        return path.startsWith("/") ? path : storage.diskImagePath(path);
    }

    /** Waits for the VMA until the agent's start timeout or the command's deadline, whichever comes first. */
    private void awaitVma(StartVmCommand command) {
        Duration timeout = config.get(HkdConfig.VMA_START_TIMEOUT);
        Instant giveUpAt = clock.instant().plus(timeout);
        if (command.deadline() != null && command.deadline().isBefore(giveUpAt)) {
            giveUpAt = command.deadline();
        }
        waits.await(command.vmId(), command.ip(), command.vmaKey(), giveUpAt, new BootWaits.Outcome() {
            @Override
            public void running() {
                LOG.info(() -> "VM " + command.vmId() + " running at " + command.ip());
                events.publish(state(command, VmState.RUNNING, command.ip()));
                activities.end(command.vmId());
            }

            @Override
            public void failed(String reason) {
                fail(command, reason, null);
            }
        });
    }

    private void fail(StartVmCommand command, String reason, Exception cause) {
        LOG.log(
                Level.WARNING,
                "StartVm " + command.correlationId() + " for VM " + command.vmId() + " failed: " + reason,
                cause instanceof HkdException ? null : cause);
        try {
            new VmTeardown(domains, storage, dhcp).teardown(command.vmId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup after failed start of VM " + command.vmId() + " failed too", e);
        }
        events.publish(new CommandFailed(
                command.hostName(), command.correlationId(), "StartVm", command.vmId(), VmState.STOPPED, reason));
        activities.end(command.vmId());
    }

    private static VmStateChanged state(StartVmCommand command, VmState state, String ip) {
        return new VmStateChanged(command.hostName(), command.correlationId(), command.vmId(), state, ip, null);
    }
}
