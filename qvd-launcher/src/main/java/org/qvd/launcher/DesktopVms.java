package org.qvd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The desktop VMs (libvirt domains {@code qvd-vm-<id>}) on the local HKD's libvirt. They outlive the run command
 * (1 GiB or more each): it says so when it stops, and {@code --stop-vms-on-exit} destroys them. Asks {@code virsh}
 * on the agent's libvirt URI (libvirt's test driver has a state of its own in each process: {@code test:///default}
 * lists no desktop VM, a {@code test:///<node file>} lists the domains of that file).
 */
final class DesktopVms {
    private static final String PREFIX = "qvd-vm-";

    private DesktopVms() {}

    /** Names of the running desktop VMs; empty when there are none or virsh cannot tell. */
    static List<String> running(String libvirtUri) {
        List<String> names = new ArrayList<>();
        for (String line : virsh(libvirtUri, "list", "--name").output().split("\n")) {
            if (line.trim().startsWith(PREFIX)) {
                names.add(line.trim());
            }
        }
        return names;
    }

    /** Destroys (powers off at once) each named domain; returns those that virsh destroyed. */
    static List<String> destroy(String libvirtUri, List<String> names) {
        List<String> gone = new ArrayList<>();
        for (String name : names) {
            if (virsh(libvirtUri, "destroy", name).exitCode() == 0) {
                gone.add(name);
            }
        }
        return gone;
    }

    /**
     * The local agent's container directory: hkd.conf's {@code container.path}, else the agent's default. Containers
     * are {@code lxc-start -d}ed by the agent and, like VMs, outlive the run command.
     */
    static java.nio.file.Path containerDir(java.nio.file.Path hkdConf) {
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(hkdConf)) {
            p.load(in);
        } catch (IOException e) {
            // no configuration file yet: the agent's defaults
        }
        return java.nio.file.Path.of(p.getProperty("container.path", "/var/lib/qvd/containers"));
    }

    /** Names of the running desktop containers in {@code dir}; empty when there are none or LXC cannot tell. */
    static List<String> runningContainers(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String line : run(List.of("lxc-ls", "-P", dir.toString(), "--running", "-1"))
                .output()
                .split("\n")) {
            if (line.trim().startsWith(PREFIX)) {
                names.add(line.trim());
            }
        }
        return names;
    }

    /** Kills each named container in {@code dir}; the agent, still running, then removes its layer and network. */
    static List<String> stopContainers(java.nio.file.Path dir, List<String> names) {
        List<String> gone = new ArrayList<>();
        for (String name : names) {
            if (run(List.of("lxc-stop", "-P", dir.toString(), "-n", name, "-k")).exitCode() == 0) {
                gone.add(name);
            }
        }
        return gone;
    }

    private record Result(int exitCode, String output) {}

    private static Result virsh(String uri, String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "");
        }
    }
}
