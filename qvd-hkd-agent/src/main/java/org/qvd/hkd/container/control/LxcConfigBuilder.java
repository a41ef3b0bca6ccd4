package org.qvd.hkd.container.control;

import java.util.List;
import org.qvd.hkd.container.entity.ContainerLayout;
import org.qvd.hkd.container.entity.ContainerSpec;

/**
 * Writes the LXC configuration of a container desktop. What it enforces, and why:
 * <ul>
 * <li>unprivileged: a user namespace maps the container's ids 0… to host ids from {@code idmapBase}, so root in the
 * container is an ordinary, unnamed user on the host;</li>
 * <li>no host devices: only the pseudo devices any process may use (null, zero, full, random, urandom, tty, console,
 * ptmx and the container's own ptys), nodes created by LXC ({@code lxc.autodev}), nothing else allowed by the device
 * cgroup; dangerous capabilities dropped, LXC's seccomp denylist (module loading, kexec, open_by_handle_at);</li>
 * <li>its own network namespace: one veth on the VM network's bridge with the VM's MAC and IP, isolated and
 * filtered against spoofing by the network hook before the container starts (see {@link NetworkHook});</li>
 * <li>limits from the OSF: memory, CPU shares, processes.</li>
 * </ul>
 * AppArmor is left unconfined because this host runs no AppArmor; on hosts that do, LXC's default profile for
 * unprivileged containers is the better choice (docs/containers.md).
 */
public final class LxcConfigBuilder {

    private static final String SECCOMP = "/usr/share/lxc/config/common.seccomp";
    private static final List<String> DEVICES = List.of(
            "c 1:3 rwm",
            "c 1:5 rwm",
            "c 1:7 rwm",
            "c 1:8 rwm",
            "c 1:9 rwm",
            "c 5:0 rwm",
            "c 5:1 rwm",
            "c 5:2 rwm",
            "c 136:* rwm");

    public String build(ContainerSpec s) {
        StringBuilder c = new StringBuilder();
        line(c, "# QVD container desktop for VM " + s.vmId() + " (" + oneLine(s.vmName()) + "); written by the HKD");
        line(c, "lxc.uts.name = " + ContainerLayout.name(s.vmId()));
        line(c, "lxc.rootfs.path = dir:" + s.rootfs());
        line(c, "lxc.idmap = u 0 " + s.idmapBase() + " " + s.idmapSize());
        line(c, "lxc.idmap = g 0 " + s.idmapBase() + " " + s.idmapSize());
        line(c, "lxc.apparmor.profile = unconfined");
        line(c, "lxc.mount.auto = proc:mixed sys:ro cgroup:mixed");
        line(c, "lxc.mount.entry = " + s.home() + " home none bind,create=dir 0 0");
        line(c, "lxc.autodev = 1");
        line(c, "lxc.tty.max = 1");
        line(c, "lxc.pty.max = 64");
        line(c, "lxc.cap.drop = mac_admin mac_override sys_time sys_module sys_rawio");
        line(c, "lxc.seccomp.profile = " + SECCOMP);
        String cgroup = s.cgroupV2() ? "lxc.cgroup2." : "lxc.cgroup.";
        line(c, cgroup + "devices.deny = a");
        DEVICES.forEach(d -> line(c, cgroup + "devices.allow = " + d));
        long memoryBytes = s.memoryMb() * 1024L * 1024L;
        if (s.cgroupV2()) {
            line(c, "lxc.cgroup2.memory.max = " + memoryBytes);
            line(c, "lxc.cgroup2.cpu.weight = " + cpuWeight(s.cpuShares()));
        } else {
            line(c, "lxc.cgroup.memory.limit_in_bytes = " + memoryBytes);
            line(c, "lxc.cgroup.cpu.shares = " + s.cpuShares());
        }
        line(c, cgroup + "pids.max = " + s.pidsMax());
        line(c, "lxc.net.0.type = veth");
        line(c, "lxc.net.0.link = " + s.bridge());
        line(c, "lxc.net.0.flags = up");
        line(c, "lxc.net.0.name = eth0");
        line(c, "lxc.net.0.hwaddr = " + s.mac());
        line(c, "lxc.net.0.veth.pair = " + ContainerLayout.vethName(s.vmId()));
        // the address from the start, as the VM network's DHCP would give it: the VMA answers without waiting for DHCP
        line(c, "lxc.net.0.ipv4.address = " + s.ip() + "/" + s.prefixLength());
        line(c, "lxc.net.0.ipv4.gateway = " + s.gateway());
        line(c, "lxc.net.0.script.up = " + s.netHook());
        line(c, "lxc.net.0.script.down = " + s.netHook());
        line(c, "lxc.log.file = " + s.logFile());
        line(c, "lxc.log.level = WARN");
        return c.toString();
    }

    /** cgroup v1 shares (2–262144, 1024 default) to v2 weight (1–10000, 100 default), as systemd and runc convert. */
    static long cpuWeight(int shares) {
        return 1 + ((long) shares - 2) * 9999 / 262142;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]", " ");
    }

    private static void line(StringBuilder c, String text) {
        c.append(text).append('\n');
    }
}
