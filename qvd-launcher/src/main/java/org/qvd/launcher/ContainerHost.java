package org.qvd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether this machine can run the local host agent's desktops as unprivileged LXC containers (docs/containers.md),
 * and if not, the first reason why, in words an operator can act on. The agent checks its part again at its start
 * (tools, overlayfs) and offers VMs only when they fail; the run command asks first so that it offers the agent
 * containers, and makes the demo desktop one, only where they will work. Reads the machine below {@code root}
 * ({@code /} outside tests).
 */
final class ContainerHost {
    /** What the agent runs to set a container up (the agent's own list, ContainerSupport). */
    static final List<String> TOOLS =
            List.of("lxc-start", "lxc-stop", "lxc-info", "lxc-usernsexec", "virsh", "bridge", "tar", "mount");
    /** The host ids the agent maps a container's ids to by default (hkd.conf {@code container.idmap}). */
    static final long IDMAP_FIRST = 100_000;

    static final long IDMAP_COUNT = 65_536;

    private final Path root;
    private final String user;

    ContainerHost(Path root, String user) {
        this.root = root;
        this.user = user;
    }

    static ContainerHost local() {
        return new ContainerHost(Path.of("/"), System.getProperty("user.name"));
    }

    /** Empty when containers can run here; otherwise why they cannot. */
    Optional<String> missing() {
        if (!"root".equals(user)) {
            return Optional.of("the run command is not running as root (the host agent needs root for the containers'"
                    + " id maps, overlay mounts and network; it runs as '" + user + "')");
        }
        for (String tool : TOOLS) {
            if (tool(tool).isEmpty()) {
                return Optional.of(
                        tool + " is not installed (Debian: apt-get install lxc uidmap iproute2 libvirt-clients)");
            }
        }
        List<String> filesystems = lines("proc/filesystems");
        if (filesystems.stream().noneMatch(l -> l.endsWith("\toverlay"))) {
            return Optional.of("the kernel has no overlay file system (modprobe overlay)");
        }
        List<String> maxUserNamespaces = lines("proc/sys/user/max_user_namespaces");
        if (maxUserNamespaces.isEmpty() || maxUserNamespaces.get(0).trim().equals("0")) {
            return Optional.of("the kernel allows no user namespaces (sysctl user.max_user_namespaces is "
                    + (maxUserNamespaces.isEmpty() ? "absent" : "0")
                    + "): a container's root would be the host's root");
        }
        for (String file : List.of("etc/subuid", "etc/subgid")) {
            if (!rangeOfRoot(lines(file))) {
                return Optional.of("/" + file + " gives root no id range " + IDMAP_FIRST + ":" + IDMAP_COUNT
                        + " for the containers' ids (add the line root:" + IDMAP_FIRST + ":" + IDMAP_COUNT + ")");
            }
        }
        return Optional.empty();
    }

    /** What makes containers possible here, e.g. "LXC 5.0.2, root, user namespaces, overlayfs, ids 100000:65536". */
    String found() {
        return "LXC " + lxcVersion() + " installed, running as root, user namespaces allowed, overlayfs, ids "
                + IDMAP_FIRST + ":" + IDMAP_COUNT + " for the containers";
    }

    private boolean rangeOfRoot(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split(":");
            if (f.length == 3 && (f[0].equals("root") || f[0].equals("0"))) {
                try {
                    long first = Long.parseLong(f[1]);
                    long count = Long.parseLong(f[2]);
                    if (first <= IDMAP_FIRST && first + count >= IDMAP_FIRST + IDMAP_COUNT) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    // not a range line: skip it as newuidmap would
                }
            }
        }
        return false;
    }

    private String lxcVersion() {
        Optional<Path> lxcStart = tool("lxc-start");
        if (lxcStart.isEmpty()) {
            return "(version unknown)";
        }
        try {
            Process p = new ProcessBuilder(lxcStart.get().toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "(version unknown)";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && !out.isEmpty()
                    ? out.lines().findFirst().orElse(out)
                    : "(version unknown)";
        } catch (IOException e) {
            return "(version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(version unknown)";
        }
    }

    private Optional<Path> tool(String name) {
        List<Path> candidates = new ArrayList<>();
        for (String dir : List.of("usr/bin", "usr/sbin", "bin", "sbin")) {
            candidates.add(root.resolve(dir).resolve(name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(root.resolve(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
