package org.qvd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The desktop VMs (libvirt domains {@code qvd-vm-<id>}) on the local HKD's libvirt. They outlive the run command
 * (1 GiB or more each): it says so when it stops, and {@code --stop-vms-on-exit} destroys them. Asks {@code virsh};
 * libvirt's test driver keeps nothing between processes, so there is nothing to list there.
 */
final class DesktopVms {
    private static final String PREFIX = "qvd-vm-";

    private DesktopVms() {
    }

    /** Names of the running desktop VMs; empty when there are none or virsh cannot tell. */
    static List<String> running(String libvirtUri) {
        if (libvirtUri.startsWith("test:")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String line : virsh(libvirtUri, "list", "--name").split("\n")) {
            if (line.trim().startsWith(PREFIX)) {
                names.add(line.trim());
            }
        }
        return names;
    }

    /** Destroys (powers off at once) each named domain; returns those that are gone. */
    static List<String> destroy(String libvirtUri, List<String> names) {
        List<String> gone = new ArrayList<>();
        for (String name : names) {
            virsh(libvirtUri, "destroy", name);
            if (!running(libvirtUri).contains(name)) {
                gone.add(name);
            }
        }
        return gone;
    }

    private static String virsh(String uri, String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
