package org.qvd.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the run command can be told, from environment variables (documented in docs/configuration.md).
 * An external PostgreSQL is used when {@code QVD_DB_URL} is set; otherwise an embedded one keeps its data
 * under {@code QVD_HOME/postgres}. {@code QVD_PORT_OFFSET} shifts every WildFly port (a second system beside
 * a running one, as the system tests do).
 */
public record LauncherConfig(
        Path home,
        Path wildflyHome,
        Path ear,
        Optional<String> externalDbUrl,
        String dbUser,
        String dbPassword,
        int embeddedDbPort,
        Optional<String> superadminPassword,
        int httpsPort,
        int l7rPort,
        int portOffset,
        int startTimeoutSeconds,
        Path sourceRoot,
        String localHkd,
        String hkdHostName,
        String hkdLibvirtUri,
        String hkdDomainType,
        String demo,
        String demoKind,
        Path imagesStaging,
        Path imagesDir,
        boolean stopVmsOnExit,
        Tls tls,
        Cluster cluster) {

    /**
     * The server certificate: {@code ownKeystore} is an operator's own key store ({@code QVD_TLS_KEYSTORE}; then no
     * certificate is generated), {@code san} the extra subjectAltNames ({@code QVD_TLS_SAN}, comma-separated).
     */
    public record Tls(Optional<String> ownKeystore, String keystorePassword, List<String> san, String hostname) {
        static Tls fromEnvironment(Map<String, String> env) {
            return new Tls(
                    Optional.ofNullable(env.get("QVD_TLS_KEYSTORE")),
                    env.getOrDefault("QVD_TLS_KEYSTORE_PASSWORD", "changeit"),
                    List.of(env.getOrDefault("QVD_TLS_SAN", "").split(",")),
                    env.getOrDefault("QVD_TLS_HOSTNAME", "localhost"));
        }
    }

    /** {@code ./qvd cluster}: the balancer's binary and the secrets that win over the generated ones (docs/cluster.md). */
    public record Cluster(String haproxy, Optional<String> password, Optional<String> apiTokenSecret) {
        static Cluster fromEnvironment(Map<String, String> env) {
            return new Cluster(
                    env.getOrDefault("QVD_HAPROXY", "/usr/sbin/haproxy"),
                    Optional.ofNullable(env.get("QVD_CLUSTER_PASSWORD")).filter(s -> !s.isBlank()),
                    Optional.ofNullable(env.get("QVD_API_TOKEN_SECRET")).filter(s -> !s.isBlank()));
        }
    }

    public static LauncherConfig fromEnvironment(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("QVD_SOURCE_ROOT", "."))
                .toAbsolutePath()
                .normalize();
        return new LauncherConfig(
                Path.of(env.getOrDefault("QVD_HOME", root.resolve("data").toString()))
                        .toAbsolutePath(),
                Path.of(env.getOrDefault(
                        "QVD_WILDFLY_HOME",
                        root.resolve("qvd-wildfly/target/wildfly").toString())),
                Path.of(env.getOrDefault(
                        "QVD_EAR", root.resolve("qvd-ear/target/qvd.ear").toString())),
                Optional.ofNullable(env.get("QVD_DB_URL")).filter(s -> !s.isBlank()),
                env.getOrDefault("QVD_DB_USER", "postgres"),
                env.getOrDefault("QVD_DB_PASSWORD", "postgres"),
                intValue(env, "QVD_PG_PORT", 15432),
                Optional.ofNullable(env.get("QVD_SUPERADMIN_PASSWORD")).filter(s -> !s.isBlank()),
                intValue(env, "QVD_HTTPS_PORT", 9443),
                intValue(env, "QVD_L7R_PORT", 8443),
                intValue(env, "QVD_PORT_OFFSET", 0),
                intValue(env, "QVD_START_TIMEOUT", 300),
                root,
                choice(env, "QVD_LOCAL_HKD", "auto", "on", "off"),
                env.getOrDefault("QVD_HKD_HOST_NAME", localHostName()),
                env.getOrDefault("QVD_HKD_LIBVIRT_URI", "qemu:///system"),
                choice(env, "QVD_HKD_DOMAIN_TYPE", "qemu", "kvm"),
                choice(env, "QVD_DEMO", "auto", "off"),
                choice(env, "QVD_DEMO_KIND", "auto", "container", "vm"),
                // on one machine the image build's output directory is the staging directory
                Path.of(env.getOrDefault(
                                "QVD_IMAGES_STAGING", root.resolve("images/out").toString()))
                        .toAbsolutePath(),
                Path.of(env.getOrDefault("QVD_IMAGES_DIR", "/var/lib/qvd/storage/images"))
                        .toAbsolutePath(),
                "true".equals(choice(env, "QVD_STOP_VMS_ON_EXIT", "false", "true")),
                Tls.fromEnvironment(env),
                Cluster.fromEnvironment(env));
    }

    /** The same configuration with the desktop VMs destroyed when the run command stops ({@code --stop-vms-on-exit}). */
    public LauncherConfig withStopVmsOnExit() {
        return withRunOptions(portOffset, demoKind, true);
    }

    /** The same configuration with the demo desktop a VM whatever the machine offers ({@code --demo-vm}). */
    public LauncherConfig withDemoVm() {
        return withRunOptions(portOffset, "vm", stopVmsOnExit);
    }

    /** The same configuration with WildFly's ports shifted by {@code offset} (a cluster node, docs/cluster.md). */
    public LauncherConfig withPortOffset(int offset) {
        return withRunOptions(offset, demoKind, stopVmsOnExit);
    }

    /**
     * A copy with the values that command-line options (rather than the environment) may change; the other 21
     * components are spelt out here once instead of in each {@code with...} above.
     */
    private LauncherConfig withRunOptions(int newPortOffset, String newDemoKind, boolean newStopVmsOnExit) {
        return new LauncherConfig(
                home,
                wildflyHome,
                ear,
                externalDbUrl,
                dbUser,
                dbPassword,
                embeddedDbPort,
                superadminPassword,
                httpsPort,
                l7rPort,
                newPortOffset,
                startTimeoutSeconds,
                sourceRoot,
                localHkd,
                hkdHostName,
                hkdLibvirtUri,
                hkdDomainType,
                demo,
                newDemoKind,
                imagesStaging,
                imagesDir,
                newStopVmsOnExit,
                tls,
                cluster);
    }

    /** How long a VM start may take when guests run under software emulation (the VMAS waits a bit longer). */
    public static final int TCG_VM_START_SECONDS = 600;

    /** Whether the local HKD runs guests under QEMU's software emulation (TCG) rather than KVM. */
    public boolean softwareEmulation() {
        return "qemu".equals(hkdDomainType) && !hkdLibvirtUri.startsWith("test:");
    }

    /** A port as clients see it: WildFly adds the socket-binding offset to every configured port. */
    public int effective(int port) {
        return port + portOffset;
    }

    private static String choice(Map<String, String> env, String key, String fallback, String... others) {
        String value = env.getOrDefault(key, fallback).trim();
        if (!value.equals(fallback) && !java.util.List.of(others).contains(value)) {
            throw new LauncherException(
                    key + " must be one of " + fallback + ", " + String.join(", ", others) + "; got '" + value + "'");
        }
        return value;
    }

    /** This machine's short name, as a valid QVD host name (letters, digits, '-', '_'). */
    private static String localHostName() {
        String name;
        try {
            name = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            name = "localhost";
        }
        String shortName = name.split("\\.")[0].replaceAll("[^A-Za-z0-9_-]", "-");
        return shortName.isEmpty() ? "localhost" : shortName;
    }

    private static int intValue(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LauncherException(key + " must be a number, got '" + value + "'");
        }
    }
}
