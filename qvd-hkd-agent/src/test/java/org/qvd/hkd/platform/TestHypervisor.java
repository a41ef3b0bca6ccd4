package org.qvd.hkd.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.host.control.HostSetup;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.vm.boundary.StartVmHandler;
import org.qvd.hkd.vm.boundary.StopVmHandler;
import org.qvd.hkd.vm.control.BootWaits;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDhcp;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmStorage;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.hkd.vm.entity.StorageLayout;
import org.qvd.protocol.vm.StartVmCommand;

/**
 * A fresh in-memory hypervisor from libvirt's real test driver, prepared as the agent prepares a host, with
 * one DI in the images pool. It opens {@code test://<libvirt-test-node.xml>} rather than test:///default:
 * the default one is shared by every open connection of the process (and libvirt-java closes connections
 * lazily), while each connection to a node file is a new hypervisor. Everything in a test shares this one
 * connection.
 */
public final class TestHypervisor implements AutoCloseable {

    public static final String DI = "tiny-7.qcow2";
    public static final long DI_SIZE = 512L * 1024 * 1024;

    public final HkdConfig config;
    public final Connect connect;
    public final StorageLayout layout;
    public final VmDomains domains;
    public final VmStorage storage;
    public final VmDhcp dhcp;
    public final VmTeardown teardown;
    public final VmLocks locks = new VmLocks();
    public final VmActivities activities = new VmActivities();
    /** The VMA the boot waits ping: a stand-in a test chooses ({@link #useVma}); silent until then. */
    private volatile VmaClient vma = VmaStandIn.silent();

    public final ExecutorService completions = Executors.newFixedThreadPool(2);
    public final BootWaits waits;

    /**
     * Storage settings for tests that start VMs from non-bootable test-driver volumes: the test driver keeps its
     * pools in memory, so paths that exist on no machine keep the agent's file checks (boot sector) off the real
     * /var/lib/qvd, where a real guest of the same VM id may have left a disk.
     */
    public static Map<String, String> offDiskStorage(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("storage.images", "/nonexistent/qvd-test-driver/images");
        settings.put("storage.overlays", "/nonexistent/qvd-test-driver/overlays");
        settings.put("storage.homes", "/nonexistent/qvd-test-driver/homes");
        return settings;
    }

    public TestHypervisor() {
        this(Map.of());
    }

    public TestHypervisor(Map<String, String> overrides) {
        config = HkdConfig.of(testSettings(overrides));
        try {
            connect = new Connect(config.get(HkdConfig.LIBVIRT_URI));
        } catch (LibvirtException e) {
            throw new IllegalStateException("libvirt test driver unavailable", e);
        }
        layout = StorageLayout.of(
                "qvd",
                config.get(HkdConfig.STORAGE_IMAGES),
                config.get(HkdConfig.STORAGE_OVERLAYS),
                config.get(HkdConfig.STORAGE_HOMES));
        new HostSetup(connect, config, layout).prepare();
        domains = new VmDomains(connect);
        storage = new VmStorage(connect, layout);
        dhcp = new VmDhcp(connect, config.get(HkdConfig.NETWORK_NAME));
        teardown = new VmTeardown(domains, storage, dhcp);
        waits = new BootWaits(
                domains,
                new VmaClient() {
                    @Override
                    public boolean ping(String ip, String key) {
                        return vma.ping(ip, key);
                    }

                    @Override
                    public boolean poweroff(String ip, String key) {
                        return vma.poweroff(ip, key);
                    }
                },
                locks,
                completions,
                config.get(HkdConfig.VMA_PING_INTERVAL));
        addDiskImage(DI);
    }

    /** The VMA stand-in booting guests answer with from now on. */
    public void useVma(VmaClient standIn) {
        vma = standIn;
    }

    /** A StartVm handler on this hypervisor whose guests' VMA is the stand-in; the host has memory to spare. */
    public StartVmHandler startHandler(VmaClient standIn, EventSink events) {
        useVma(standIn);
        return new StartVmHandler(
                config,
                domains,
                storage,
                dhcp,
                waits,
                locks,
                activities,
                events,
                () -> Long.MAX_VALUE,
                Clock.systemUTC());
    }

    public StopVmHandler stopHandler(VmaClient standIn, EventSink events) {
        return new StopVmHandler(config, domains, teardown, standIn, waits, locks, activities, events);
    }

    /** Runs a start and waits until its outcome (running or failure) is reported. */
    public void startAndSettle(StartVmHandler handler, StartVmCommand command) {
        handler.handle(command);
        settle(command.vmId());
    }

    /** Waits until no start of the VM waits for its guest any more and its outcome has been reported. */
    public void settle(long vmId) {
        await("VM " + vmId + " no longer waiting for its guest")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> !waits.waiting(vmId));
        locks.withLock(vmId, () -> {}); // the outcome runs under the lock: taking it means it is done
    }

    /** Settings of a test host: test driver, fast timeouts. */
    public static Map<String, String> testSettings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "host.name", "node1",
                "libvirt.uri", testDriverUri(),
                "libvirt.domain-type", "qemu",
                "vma.ping-interval", "10ms",
                "vma.start-timeout", "1s",
                "vm.stop-grace", "1s",
                "heartbeat.period", "200ms",
                "state.dir", freshStateDir()));
        settings.putAll(overrides);
        return settings;
    }

    /** The agent's own state of one test: never the machine's /var/lib/qvd/hkd, never another test's. */
    private static String freshStateDir() {
        try {
            return Files.createTempDirectory("hkd-state").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URI of libvirt's test driver giving a fresh, empty hypervisor at each connection. */
    public static String testDriverUri() {
        try {
            return "test://"
                    + java.nio.file.Path.of(TestHypervisor.class
                            .getResource("/libvirt-test-node.xml")
                            .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public void addDiskImage(String name) {
        try {
            String xml = "<volume><name>" + name + "</name><capacity unit='bytes'>" + DI_SIZE
                    + "</capacity><target><format type='qcow2'/></target></volume>";
            connect.storagePoolLookupByName(layout.imagesPool()).storageVolCreateXML(xml, 0);
        } catch (LibvirtException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean volumeExists(String pool, String name) {
        try {
            connect.storagePoolLookupByName(pool).storageVolLookupByName(name);
            return true;
        } catch (LibvirtException e) {
            return false;
        }
    }

    public String domainXml(long vmId) {
        try {
            return connect.domainLookupByName("qvd-vm-" + vmId).getXMLDesc(0);
        } catch (LibvirtException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        waits.close();
        completions.shutdownNow();
        try {
            connect.close();
        } catch (LibvirtException e) {
            // the in-memory hypervisor goes away with the connection anyway
        }
    }
}
