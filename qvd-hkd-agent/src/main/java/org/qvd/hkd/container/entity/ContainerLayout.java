package org.qvd.hkd.container.entity;

import java.nio.file.Path;
import org.qvd.hkd.vm.entity.VmNames;

/**
 * Where a container desktop lives on the host. Each container has one directory under {@code container.path} (its
 * LXC configuration, its copy-on-write layer and the mount point of its root file system), removed at every stop;
 * the root file system images are unpacked once per host into {@code container.bases}, read-only and shared; the
 * home directory sits in the homes store beside the VMs' home disks and is never removed by a stop.
 */
public record ContainerLayout(Path containersDir, Path basesDir, Path homesDir) {

    /** The LXC name is the VM's domain name, so one VM id never runs twice on a host, as either kind. */
    public static String name(long vmId) {
        return VmNames.domainName(vmId);
    }

    /** The host end of the container's veth (15 characters at most: IFNAMSIZ). */
    public static String vethName(long vmId) {
        return "qvdct" + vmId;
    }

    public Path dir(long vmId) {
        return containersDir.resolve(name(vmId));
    }

    public Path config(long vmId) {
        return dir(vmId).resolve("config");
    }

    public Path upper(long vmId) {
        return dir(vmId).resolve("upper");
    }

    public Path work(long vmId) {
        return dir(vmId).resolve("work");
    }

    /** Mount point of the overlay that is the container's root file system. */
    public Path rootfs(long vmId) {
        return dir(vmId).resolve("rootfs");
    }

    /** What the agent needs to recognise the container after a restart (IP, MAC, memory, VMA key): 0600. */
    public Path metadata(long vmId) {
        return dir(vmId).resolve("qvd.properties");
    }

    public Path netHook(long vmId) {
        return dir(vmId).resolve("net-hook");
    }

    public Path filterBinding(long vmId) {
        return dir(vmId).resolve("nwfilter-binding.xml");
    }

    /** LXC's pid file of the container's monitor process: there while the container runs. */
    public Path monitorPid(long vmId) {
        return dir(vmId).resolve("monitor.pid");
    }

    public Path log(long vmId) {
        return dir(vmId).resolve("lxc.log");
    }

    /** The user's home directory, bind-mounted on /home: survives stops and image changes. */
    public Path home(long vmId) {
        return homesDir.resolve(name(vmId) + "-home");
    }

    /** The unpacked, id-shifted tree of a root file system archive ({@code x.rootfs.tar} → {@code x.rootfs}). */
    public Path base(Path archive) {
        String file = archive.getFileName().toString();
        return basesDir.resolve(file.endsWith(".tar") ? file.substring(0, file.length() - 4) : file + ".d");
    }
}
