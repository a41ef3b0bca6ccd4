package org.qvd.guest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a desktop costs the host in memory, read from the kernel: a VM is its qemu process (libvirt's pid file), a
 * container every process in its cgroup (found from the container's monitor pid file, as the agent finds it). PSS
 * (proportional set size, from {@code /proc/<pid>/smaps_rollup}) shares a library's pages among the processes that map
 * them, so the sum over all desktops is what they take together; the container's memory cgroup adds its page cache.
 */
final class DesktopMemory {

    /** One desktop's memory, in KiB: PSS of its processes, their count, and (containers) the cgroup's anon and file pages. */
    record Usage(long pssKb, int processes, long anonKb, long fileKb) {}

    private DesktopMemory() {}

    static Usage ofVm(long vmId) throws IOException {
        long pid = Long.parseLong(Files.readString(Path.of("/run/libvirt/qemu/qvd-vm-" + vmId + ".pid"))
                .trim());
        return new Usage(pss(pid), 1, -1, -1);
    }

    static Usage ofContainer(long vmId) throws IOException {
        Path dir = Path.of("/var/lib/qvd/containers/qvd-vm-" + vmId);
        long monitor =
                Long.parseLong(Files.readString(dir.resolve("monitor.pid")).trim());
        String name = "qvd-vm-" + vmId;
        long pss = 0;
        int processes = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != monitor && inContainer(p, name)) {
                    pss += pss(pid);
                    processes++;
                }
            }
        }
        long[] cgroup = cgroupMemory(name);
        return new Usage(pss, processes, cgroup[0], cgroup[1]);
    }

    /** The host's MemAvailable, in KiB. */
    static long available() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no MemAvailable in /proc/meminfo");
    }

    static long total() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no MemTotal in /proc/meminfo");
    }

    /** PSS of a process tree rooted anywhere: the given pids and all their descendants (the client and its nxproxy). */
    static long pssOfTree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(h -> {
                    try {
                        return pss(h.pid());
                    } catch (IOException e) {
                        return 0;
                    }
                })
                .sum();
    }

    static long pss(long pid) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
        return 0;
    }

    /** Whether the process's cgroups name this container (LXC puts it under lxc.payload.NAME, v1 and v2 alike; its monitor under lxc.monitor.NAME). */
    private static boolean inContainer(Path proc, String name) {
        try {
            String payload = "lxc.payload." + name;
            return Files.readAllLines(proc.resolve("cgroup")).stream()
                    .anyMatch(l -> l.contains(payload + "/") || l.endsWith(payload));
        } catch (IOException e) {
            return false;
        }
    }

    /** The container's memory cgroup: anon and file pages in KiB (hierarchical), or -1 when not found. */
    private static long[] cgroupMemory(String name) throws IOException {
        for (Path stat : List.of(
                Path.of("/sys/fs/cgroup/memory/lxc.payload." + name + "/memory.stat"),
                Path.of("/sys/fs/cgroup/lxc.payload." + name + "/memory.stat"))) {
            if (Files.isReadable(stat)) {
                long anon =
                        field(stat, "total_rss").or(() -> field(stat, "anon")).orElse(-1L);
                long file =
                        field(stat, "total_cache").or(() -> field(stat, "file")).orElse(-1L);
                return new long[] {anon < 0 ? -1 : anon / 1024, file < 0 ? -1 : file / 1024};
            }
        }
        return new long[] {-1, -1};
    }

    private static Optional<Long> field(Path stat, String key) {
        try {
            return Files.readAllLines(stat).stream()
                    .filter(l -> l.startsWith(key + " "))
                    .map(l -> Long.parseLong(l.substring(key.length() + 1).trim()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
