package org.qvd.hkd.container.entity;

import java.nio.file.Path;

/**
 * Everything one container desktop's LXC configuration is made of.
 *
 * @param idmapBase first host uid/gid that container ids 0… map to (root in the container is this uid on the host)
 * @param idmapSize how many ids the container has
 * @param prefixLength the VM network's prefix length (from vm.network.netmask)
 * @param gateway the host's address on the VM network
 * @param cgroupV2 whether the host has the unified cgroup hierarchy only (limits are then cgroup2 keys)
 */
public record ContainerSpec(
        long vmId,
        String vmName,
        Path rootfs,
        Path home,
        long idmapBase,
        int idmapSize,
        int memoryMb,
        int cpuShares,
        int pidsMax,
        String bridge,
        String mac,
        String ip,
        int prefixLength,
        String gateway,
        Path netHook,
        Path logFile,
        boolean cgroupV2) {}
