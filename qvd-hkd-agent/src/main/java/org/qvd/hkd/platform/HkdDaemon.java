package org.qvd.hkd.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.container.boundary.ContainerSupport;
import org.qvd.hkd.host.boundary.HostAnnouncer;
import org.qvd.hkd.host.boundary.StopHostHandler;
import org.qvd.hkd.host.control.HostProbe;
import org.qvd.hkd.host.control.HostSetup;
import org.qvd.hkd.host.control.VmInventory;
import org.qvd.hkd.messaging.BrokerLink;
import org.qvd.hkd.messaging.CommandDispatcher;
import org.qvd.hkd.messaging.TakenCommands;
import org.qvd.hkd.vm.boundary.BootResumption;
import org.qvd.hkd.vm.boundary.PurgeHomeHandler;
import org.qvd.hkd.vm.boundary.ReapVmHandler;
import org.qvd.hkd.vm.boundary.StartVmHandler;
import org.qvd.hkd.vm.boundary.StopVmHandler;
import org.qvd.hkd.vm.boundary.VmEndWatcher;
import org.qvd.hkd.vm.boundary.VmaMonitor;
import org.qvd.hkd.vm.control.BootWaits;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDhcp;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmStorage;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.hkd.vm.entity.StorageLayout;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.vm.PurgeHomeCommand;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;

/** Wires the agent: libvirt, the host's pools and network, handlers, broker link and heartbeats. */
public final class HkdDaemon implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HkdDaemon.class.getName());
    // libvirt prints every error to stderr by default, also the expected "not found" of lookups; the agent
    // reports real failures itself. Held in a field: JNA must not lose the callback to the GC.
    private static final ErrorCallback QUIET_LIBVIRT = new ErrorCallback();

    private final HkdConfig config;
    private final VmaClient vma;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Connect libvirt;
    private ExecutorService workers;
    private BrokerLink link;
    private HostAnnouncer announcer;
    private ScheduledExecutorService monitorTimer;
    private BootWaits bootWaits;

    public HkdDaemon(HkdConfig config, VmaClient vma) {
        this.config = config;
        this.vma = vma;
    }

    public synchronized void start() {
        String hostName = Destinations.requireValidHostName(config.hostName());
        libvirt = connectLibvirt();
        StorageLayout layout = StorageLayout.of(
                config.get(HkdConfig.STORAGE_POOL_PREFIX),
                config.get(HkdConfig.STORAGE_IMAGES),
                config.get(HkdConfig.STORAGE_OVERLAYS),
                config.get(HkdConfig.STORAGE_HOMES));
        new HostSetup(libvirt, config, layout).prepare();
        ContainerSupport containers = ContainerSupport.of(config, layout);

        VmDomains domains = new VmDomains(libvirt, containers.driver().orElse(null));
        VmStorage storage = new VmStorage(libvirt, layout);
        VmDhcp dhcp = new VmDhcp(libvirt, config.get(HkdConfig.NETWORK_NAME));
        VmTeardown teardown = new VmTeardown(domains, storage, dhcp);
        VmLocks locks = new VmLocks();
        VmActivities activities = new VmActivities();
        AtomicInteger threadCount = new AtomicInteger();
        // handlers only hold a thread while they work (a start's wait for the guest holds none: BootWaits)
        workers = Executors.newFixedThreadPool(config.get(HkdConfig.HANDLER_THREADS), r -> {
            Thread thread = new Thread(r, "hkd-handler-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        bootWaits = new BootWaits(domains, vma, locks, workers, config.get(HkdConfig.VMA_PING_INTERVAL));
        MessageCodec codec = new MessageCodec();
        CommandDispatcher[] dispatcher = new CommandDispatcher[1];
        Clock clock = Clock.systemUTC();
        link = new BrokerLink(
                config, hostName, codec, json -> dispatcher[0].dispatch(json), () -> announcer.register());
        HostProbe probe = new HostProbe(libvirt, config.get(HkdConfig.LIBVIRT_URI));
        VmInventory inventory = new VmInventory(domains, activities);
        announcer = new HostAnnouncer(config, hostName, probe, inventory, link, containers.kinds());
        StopVmHandler stopVm = new StopVmHandler(config, domains, teardown, vma, bootWaits, locks, activities, link);
        dispatcher[0] = new CommandDispatcher(
                        hostName,
                        codec,
                        workers,
                        link,
                        clock,
                        TakenCommands.keptIn(Path.of(config.get(HkdConfig.STATE_DIR)), clock))
                .on(
                        StartVmCommand.class,
                        new StartVmHandler(
                                config,
                                domains,
                                storage,
                                dhcp,
                                bootWaits,
                                locks,
                                activities,
                                link,
                                () -> probe.capacity(inventory.vms()).ramFreeMb(),
                                Clock.systemUTC()))
                .on(StopVmCommand.class, stopVm)
                .on(ReapVmCommand.class, new ReapVmHandler(domains, teardown, bootWaits, locks, activities, link))
                .on(PurgeHomeCommand.class, new PurgeHomeHandler(domains, storage, locks, link))
                .on(
                        StopHostCommand.class,
                        new StopHostHandler(
                                config,
                                domains,
                                stopVm,
                                announcer,
                                link,
                                () -> new Thread(this::close, "hkd-stop").start()));
        new BootResumption(hostName, config, domains, bootWaits, locks, link).resume();
        link.start();
        announcer.start();
        startWatchers(
                new VmaMonitor(hostName, domains, activities, vma, link),
                new VmEndWatcher(hostName, domains, teardown, locks, activities, link));
        LOG.info(() -> "HKD for host " + hostName + " started; command queue " + Destinations.hostQueue(hostName));
    }

    private void startWatchers(VmaMonitor monitor, VmEndWatcher endWatcher) {
        monitorTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hkd-vm-watch");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = config.get(HkdConfig.HEARTBEAT_PERIOD).toMillis();
        monitorTimer.scheduleWithFixedDelay(endWatcher::check, 0, heartbeat, TimeUnit.MILLISECONDS);
        long period = config.get(HkdConfig.VMA_MONITOR_PERIOD).toMillis();
        if (period > 0) {
            monitorTimer.scheduleWithFixedDelay(monitor::check, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** libvirt may still be starting when the agent does (boot order): wait for it rather than exit. */
    private Connect connectLibvirt() {
        String uri = config.get(HkdConfig.LIBVIRT_URI);
        try {
            Connect.setErrorCallback(QUIET_LIBVIRT);
        } catch (LibvirtException e) {
            LOG.fine(() -> "cannot silence libvirt's stderr: " + e.getMessage());
        }
        Backoff backoff =
                new Backoff(config.get(HkdConfig.BROKER_RECONNECT_MIN), config.get(HkdConfig.BROKER_RECONNECT_MAX));
        while (true) {
            try {
                return new Connect(uri);
            } catch (LibvirtException e) {
                long wait = backoff.next().toMillis();
                LOG.warning(
                        () -> "libvirt " + uri + " unavailable (" + e.getMessage() + "); retrying in " + wait + " ms");
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new HkdException("interrupted while waiting for libvirt");
                }
            }
        }
    }

    /** The libvirt connection the agent uses (tests inspect the same test:///default hypervisor). */
    public Connect libvirt() {
        return libvirt;
    }

    public boolean connectedToBroker() {
        return link != null && link.connected();
    }

    public String agentId() {
        return announcer.agentId();
    }

    /** Blocks until the agent stopped (signal or StopHost). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("HKD stopping");
        if (announcer != null) {
            announcer.close();
        }
        if (monitorTimer != null) {
            monitorTimer.shutdownNow();
        }
        if (bootWaits != null) {
            bootWaits.close(); // guests keep booting; the next agent resumes the waits
        }
        if (workers != null) {
            workers.shutdown();
            awaitWorkers();
        }
        if (link != null) {
            link.close();
        }
        closeLibvirt();
        stopped.countDown();
    }

    private void awaitWorkers() {
        try {
            // short: SIGTERM must end the agent within 5 s; an interrupted handler leaves state the VMAS reconciles
            if (!workers.awaitTermination(1_500, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    private void closeLibvirt() {
        if (libvirt != null) {
            try {
                libvirt.close();
            } catch (LibvirtException e) {
                LOG.fine(() -> "closing libvirt: " + e.getMessage());
            }
        }
    }
}
