package org.qvd.hkd.host.control;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.NodeInfo;
import org.qvd.hkd.vm.control.Libvirt;
import org.qvd.protocol.host.HostCapacity;
import org.qvd.protocol.vm.VmReport;

/**
 * Measures the host's capacity: total RAM and CPUs from libvirt (the hypervisor's view), available RAM
 * from {@code /proc/meminfo} when libvirt manages this machine, load from the OS.
 */
public final class HostProbe {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final Connect connect;
    private final boolean localHypervisor;

    public HostProbe(Connect connect, String libvirtUri) {
        this.connect = connect;
        this.localHypervisor = !libvirtUri.startsWith("test:");
    }

    public HostCapacity capacity(List<VmReport> vms) {
        NodeInfo node = Libvirt.call("reading node info", connect::nodeInfo);
        long totalMb = node.memory / 1024;
        long committedMb = vms.stream()
                .filter(vm -> vm.state() != org.qvd.protocol.state.VmState.STOPPED)
                .mapToLong(VmReport::memoryMb)
                .sum();
        long freeMb = localHypervisor ? memAvailableMb().orElse(totalMb - committedMb) : totalMb - committedMb;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new HostCapacity(totalMb, Math.max(0, freeMb), committedMb, node.cpus, Math.round(load * 100) / 100.0);
    }

    private static java.util.OptionalLong memAvailableMb() {
        try {
            return Files.readAllLines(MEMINFO).stream()
                    .filter(line -> line.startsWith("MemAvailable:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }
}
