package org.qvd.hkd.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qvd.protocol.vma.VmaPorts;

/**
 * The agent's configuration catalogue. Each value comes from, in order of precedence: a system property
 * {@code hkd.<key>}, an environment variable {@code QVD_HKD_<KEY>}, the file {@code hkd.conf}
 * (Java properties syntax), the default. The sample file {@code src/main/dist/hkd.conf} documents them.
 */
public final class HkdConfig {

    public static final Setting<String> HOST_NAME = Setting.text(
            "host.name",
            "",
            "Name of this host in QVD; empty = the machine's short host name. Letters, digits, '-' and '_'.");
    public static final Setting<List<String>> BROKER_URLS = Setting.list(
            "broker.urls",
            "tcp://localhost:9443?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&sslEnabled=true"
                    + "&verifyHost=true&trustStorePath=/etc/qvd/broker-trust.p12&trustStorePassword=qvd-public"
                    + "&trustStoreType=PKCS12",
            "Artemis connector URLs, tried in turn on each reconnection: TLS through WildFly's HTTPS port, trusting the"
                    + " certificates in the trust store (the installation's CA or the server's certificate).");
    public static final Setting<String> BROKER_USER = Setting.text(
            "broker.user",
            "",
            "Broker (WildFly application) account of this host; empty = qvd-hkd-<host.name>. It may consume only"
                    + " qvd.hkd.<host.name> and send only to qvd.events.<host.name>.");
    public static final Setting<String> BROKER_PASSWORD = Setting.secret(
            "broker.password", "Broker password; prefer the QVD_HKD_BROKER_PASSWORD environment variable.");
    public static final Setting<Boolean> BROKER_WILDFLY_PREFIXES = Setting.flag(
            "broker.wildfly-prefixes",
            true,
            "Map JMS names to WildFly's core addresses (jms.queue.*, jms.topic.*): enable1xPrefixes.");
    public static final Setting<Duration> BROKER_RECONNECT_MIN = Setting.duration(
            "broker.reconnect.min",
            "1s",
            "First wait before reconnecting to the broker; doubles up to broker.reconnect.max.");
    public static final Setting<Duration> BROKER_RECONNECT_MAX =
            Setting.duration("broker.reconnect.max", "30s", "Longest wait between reconnection attempts.");
    public static final Setting<String> LIBVIRT_URI = Setting.text(
            "libvirt.uri", "qemu:///system", "libvirt connection URI (test:///default for a fake hypervisor).");
    public static final Setting<String> DOMAIN_TYPE = Setting.choice(
            "libvirt.domain-type",
            "kvm",
            "Domain type: kvm where /dev/kvm works, qemu for software emulation (TCG).",
            "kvm",
            "qemu");
    public static final Setting<String> ARCH = Setting.text("libvirt.arch", "x86_64", "Guest architecture.");
    public static final Setting<String> STORAGE_IMAGES = Setting.text(
            "storage.images",
            "/var/lib/qvd/storage/images",
            "Directory of the disk images (DIs), shared by all hosts.");
    public static final Setting<String> STORAGE_OVERLAYS =
            Setting.text("storage.overlays", "/var/lib/qvd/storage/overlays", "Directory of the VMs' qcow2 overlays.");
    public static final Setting<String> STORAGE_HOMES = Setting.text(
            "storage.homes",
            "/var/lib/qvd/storage/homes",
            "Directory of the users' home disks (never deleted by the HKD).");
    public static final Setting<String> STORAGE_POOL_PREFIX = Setting.text(
            "storage.pool-prefix",
            "qvd",
            "libvirt storage pools are named <prefix>-images, <prefix>-overlays, <prefix>-homes.");
    public static final Setting<String> NETWORK_NAME = Setting.text(
            "vm.network.name", "qvd-net", "libvirt network the VMs attach to; defined by the agent if missing.");
    public static final Setting<String> NETWORK_BRIDGE =
            Setting.text("vm.network.bridge", "qvdbr0", "Bridge device of that network.");
    public static final Setting<String> NETWORK_ADDRESS = Setting.text(
            "vm.network.address",
            "10.3.0.1",
            "This host's address on the VM network (the gateway and DHCP server for its VMs).");
    public static final Setting<String> NETWORK_NETMASK =
            Setting.text("vm.network.netmask", "255.255.0.0", "Netmask of the VM network.");
    public static final Setting<String> NETWORK_FORWARD = Setting.choice(
            "vm.network.forward",
            "nat",
            "Forward mode of the network: nat, route, or none (isolated).",
            "nat",
            "route",
            "none");
    public static final Setting<Duration> HEARTBEAT_PERIOD =
            Setting.duration("heartbeat.period", "5s", "Period of the HostHeartbeat events.");
    public static final Setting<Integer> VMA_PORT =
            Setting.integer("vma.port", VmaPorts.HTTP, "Port of the VMA in each VM.");
    public static final Setting<Duration> VMA_START_TIMEOUT = Setting.duration(
            "vma.start-timeout", "180s", "How long a starting VM's VMA may take to answer before the start fails.");
    public static final Setting<Duration> VMA_PING_INTERVAL =
            Setting.duration("vma.ping-interval", "1s", "Pause between pings of a starting VM's VMA.");
    public static final Setting<Duration> VMA_REQUEST_TIMEOUT =
            Setting.duration("vma.request-timeout", "3s", "Timeout of one HTTP request to a VMA.");
    public static final Setting<Duration> VMA_MONITOR_PERIOD = Setting.duration(
            "vma.monitor-period",
            "30s",
            "Period of the VMA pings of running VMs (VmaState events on change); 0 disables.");
    public static final Setting<Duration> STOP_GRACE = Setting.duration(
            "vm.stop-grace", "60s", "How long a stopping VM may take to power off before it is destroyed.");
    public static final Setting<Integer> HANDLER_THREADS = Setting.integer(
            "handlers.threads",
            4,
            "Commands handled in parallel (commands for one VM are always handled one at a time).");

    public static final Setting<String> STATE_DIR = Setting.text(
            "state.dir",
            "/var/lib/qvd/hkd",
            "The agent's own state: the commands it took, so that a copy arriving after a restart is not run twice.");

    public static final Setting<List<String>> KINDS = Setting.list(
            "kinds", "vm", "Desktop kinds this host runs: vm (libvirt), container (LXC, issue 17), or both.");
    public static final Setting<String> CONTAINER_PATH = Setting.text(
            "container.path",
            "/var/lib/qvd/containers",
            "LXC path of the container desktops: one directory per running container, removed at its stop.");
    public static final Setting<String> CONTAINER_BASES = Setting.text(
            "container.bases",
            "/var/lib/qvd/container-bases",
            "Where container images are unpacked once per host (read-only, shared).");
    public static final Setting<String> CONTAINER_IDMAP = Setting.text(
            "container.idmap",
            "100000:65536",
            "Host uid/gid range <first>:<count> the containers' ids map to (root in a container is <first>).");

    public static final List<Setting<?>> ALL = List.of(
            HOST_NAME,
            BROKER_URLS,
            BROKER_USER,
            BROKER_PASSWORD,
            BROKER_WILDFLY_PREFIXES,
            BROKER_RECONNECT_MIN,
            BROKER_RECONNECT_MAX,
            LIBVIRT_URI,
            DOMAIN_TYPE,
            ARCH,
            STORAGE_IMAGES,
            STORAGE_OVERLAYS,
            STORAGE_HOMES,
            STORAGE_POOL_PREFIX,
            NETWORK_NAME,
            NETWORK_BRIDGE,
            NETWORK_ADDRESS,
            NETWORK_NETMASK,
            NETWORK_FORWARD,
            HEARTBEAT_PERIOD,
            VMA_PORT,
            VMA_START_TIMEOUT,
            VMA_PING_INTERVAL,
            VMA_REQUEST_TIMEOUT,
            VMA_MONITOR_PERIOD,
            STOP_GRACE,
            STATE_DIR,
            HANDLER_THREADS,
            KINDS,
            CONTAINER_PATH,
            CONTAINER_BASES,
            CONTAINER_IDMAP);

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> sources;
    private final List<String> unknownKeys;

    private HkdConfig(Map<Setting<?>, Object> values, Map<Setting<?>, String> sources, List<String> unknownKeys) {
        this.values = values;
        this.sources = sources;
        this.unknownKeys = unknownKeys;
    }

    /** Loads the file (if it exists) with environment and system-property overrides. */
    public static HkdConfig load(Path file) {
        Properties fileProps = new Properties();
        if (file != null && Files.isReadable(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fileProps.load(reader);
            } catch (IOException e) {
                throw new ConfigInvalidException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return resolve(toMap(fileProps), System.getenv(), key -> System.getProperty("hkd." + key));
    }

    /** Only the given values over the defaults: for tests and embedding. */
    public static HkdConfig of(Map<String, String> values) {
        return resolve(values, Map.of(), key -> null);
    }

    static HkdConfig resolve(Map<String, String> file, Map<String, String> env, Function<String, String> sysProps) {
        Map<Setting<?>, Object> values = new HashMap<>();
        Map<Setting<?>, String> sources = new HashMap<>();
        for (Setting<?> setting : ALL) {
            String raw = sysProps.apply(setting.key());
            String source = "system property";
            if (raw == null) {
                raw = env.get(setting.environmentVariable());
                source = "environment";
            }
            if (raw == null) {
                raw = file.get(setting.key());
                source = "file";
            }
            if (raw == null) {
                raw = setting.defaultText();
                source = "default";
            }
            values.put(setting, setting.parse(raw));
            sources.put(setting, source);
        }
        Set<String> known = ALL.stream().map(Setting::key).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>(new TreeSet<>(file.keySet()));
        unknown.removeIf(known::contains);
        HkdConfig config = new HkdConfig(values, sources, unknown);
        config.validate();
        return config;
    }

    private void validate() {
        if (get(BROKER_URLS).isEmpty()) {
            throw new ConfigInvalidException(BROKER_URLS.key() + " must list at least one URL");
        }
        if (get(HEARTBEAT_PERIOD).toMillis() < 100) {
            throw new ConfigInvalidException(HEARTBEAT_PERIOD.key() + " must be at least 100ms");
        }
        if (get(HANDLER_THREADS) < 1) {
            throw new ConfigInvalidException(HANDLER_THREADS.key() + " must be at least 1");
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** The host name: configured, or the machine's short name. */
    public String hostName() {
        String configured = get(HOST_NAME);
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName().split("\\.")[0];
        } catch (UnknownHostException e) {
            throw new ConfigInvalidException("host.name is empty and the machine's name is unknown");
        }
    }

    /** Keys in the file that the catalogue does not know (typos, mostly). */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /** Every resolved value with its source, secrets masked: for the start-up log. */
    public Map<String, String> describe() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            String shown = setting.secret()
                    ? (get(setting).toString().isEmpty() ? "(empty)" : "********")
                    : show(get(setting));
            lines.put(setting.key(), shown + "  [" + sources.get(setting) + "]");
        }
        return lines;
    }

    /** Durations as written in the file (5s, 500ms), lists without brackets. */
    static String show(Object value) {
        if (value instanceof Duration d) {
            long ms = d.toMillis();
            return ms % 60_000 == 0 && ms > 0 ? ms / 60_000 + "m" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static Map<String, String> toMap(Properties props) {
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name)));
        return map;
    }
}
