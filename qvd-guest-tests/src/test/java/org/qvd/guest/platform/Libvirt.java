package org.qvd.guest.platform;

import java.util.Arrays;
import java.util.List;

/** What libvirt itself says (through virsh): the truth the VMAS's states are checked against. */
public final class Libvirt {
    private static final String URI = "qemu:///system";

    private Libvirt() {}

    public static List<String> domains() {
        return Arrays.stream(virsh("list", "--all", "--name").split("\n"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public static boolean domainExists(long vmId) {
        return domains().contains("qvd-vm-" + vmId);
    }

    /**
     * The VMA key the host agent gave the VM's guest (the SMBIOS OEM string {@code qvd.vma.key=...} in its domain; for a
     * container desktop, the agent's root-only metadata of the container), or null when there is none (an agent from
     * before the key): only the host may call the VMA.
     */
    public static String vmaKey(long vmId) {
        String xml;
        try {
            xml = virsh("dumpxml", "qvd-vm-" + vmId);
        } catch (AssertionError noDomain) {
            return containerVmaKey(vmId);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("qvd\\.vma\\.key=([0-9a-f]{64})")
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The domain's definition as libvirt has it (the VM must run). */
    public static String domainXml(long vmId) {
        return virsh("dumpxml", "qvd-vm-" + vmId);
    }

    /**
     * The guest's serial console as libvirt keeps it for the VM's current boot (the host agent's domains log it to
     * {@code /var/log/libvirt/qemu/<domain>-console.log}): the kernel's and the VMA's messages.
     */
    public static String consoleLog(long vmId) throws java.io.IOException {
        return java.nio.file.Files.readString(
                java.nio.file.Path.of("/var/log/libvirt/qemu/qvd-vm-" + vmId + "-console.log"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The MAC address of the VM's network interface. */
    public static String mac(long vmId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<mac address=['\"]([0-9a-f:]{17})['\"]")
                .matcher(domainXml(vmId));
        if (!m.find()) {
            throw new AssertionError("no MAC address in the domain of VM " + vmId);
        }
        return m.group(1);
    }

    /** The volumes of a storage pool (qvd-overlays, qvd-homes, ...). */
    public static List<String> volumes(String pool) {
        virsh("pool-refresh", pool);
        return Arrays.stream(virsh("vol-list", pool).split("\n"))
                .skip(2)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(line -> line.split("\\s+")[0])
                .toList();
    }

    /** The VM network's definition, with its fixed DHCP host entries. */
    public static String networkXml() {
        return virsh("net-dumpxml", "qvd-net");
    }

    /** The VM network's own address on the host (where a guest reaches the host). */
    public static String hostAddressOnVmNetwork() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<ip address=['\"]([0-9.]+)['\"]")
                .matcher(networkXml());
        if (!m.find()) {
            throw new AssertionError("no IP address on qvd-net: " + networkXml());
        }
        return m.group(1);
    }

    /** Destroys and undefines every QVD domain: guests of an earlier, interrupted run must not hold the network. */
    static void removeLeftoverDomains() {
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/libvirt/libvirt-sock"))) {
            return;
        }
        for (String d : domains()) {
            if (d.startsWith("qvd-vm-")) {
                Processes.runQuietly(List.of("virsh", "-c", URI, "destroy", d));
                Processes.runQuietly(List.of("virsh", "-c", URI, "undefine", d));
            }
        }
    }

    private static String virsh(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        return Processes.run(command);
    }

    /** A container desktop's key, from the host agent's metadata of the running container (issue 17). */
    private static String containerVmaKey(long vmId) {
        java.nio.file.Path metadata =
                java.nio.file.Path.of("/var/lib/qvd/containers/qvd-vm-" + vmId + "/qvd.properties");
        if (!java.nio.file.Files.isRegularFile(metadata)) {
            return null;
        }
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(metadata)) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.getProperty("vmaKey");
    }
}
