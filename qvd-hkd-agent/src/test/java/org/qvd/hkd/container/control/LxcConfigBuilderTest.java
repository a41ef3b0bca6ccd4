package org.qvd.hkd.container.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.container.entity.ContainerSpec;

class LxcConfigBuilderTest {

    private final LxcConfigBuilder builder = new LxcConfigBuilder();

    private static ContainerSpec spec(boolean cgroupV2) {
        return new ContainerSpec(
                42,
                "alice's\ndesktop",
                Path.of("/var/lib/qvd/containers/qvd-vm-42/rootfs"),
                Path.of("/var/lib/qvd/storage/homes/qvd-vm-42-home"),
                100000,
                65536,
                768,
                512,
                2048,
                "qvdbr0",
                "02:51:0a:03:00:2a",
                "10.3.0.42",
                16,
                "10.3.0.1",
                Path.of("/var/lib/qvd/containers/qvd-vm-42/net-hook"),
                Path.of("/var/lib/qvd/containers/qvd-vm-42/lxc.log"),
                cgroupV2);
    }

    @Test
    void mapsRootInTheContainerToAnUnprivilegedHostRange() {
        String config = builder.build(spec(false));
        assertThat(config).contains("lxc.idmap = u 0 100000 65536\n", "lxc.idmap = g 0 100000 65536\n");
        assertThat(config).doesNotContain("lxc.idmap = u 0 0");
    }

    @Test
    void allowsNoHostDeviceButThePseudoDevices() {
        String config = builder.build(spec(false));
        assertThat(config)
                .contains(
                        "lxc.cgroup.devices.deny = a\n",
                        "lxc.cgroup.devices.allow = c 1:3 rwm\n",
                        "lxc.cgroup.devices.allow = c 136:* rwm\n",
                        "lxc.autodev = 1\n",
                        "lxc.seccomp.profile = /usr/share/lxc/config/common.seccomp\n");
        assertThat(config.lines().filter(l -> l.contains("devices.allow")))
                .noneMatch(l -> l.contains(" b ") || l.contains("*:*"));
        assertThat(config).contains("lxc.cap.drop = mac_admin mac_override sys_time sys_module sys_rawio");
    }

    @Test
    void putsTheDesktopOnTheVmNetworkWithItsMacIpAndTheIsolatingHook() {
        String config = builder.build(spec(false));
        assertThat(config)
                .contains(
                        "lxc.net.0.link = qvdbr0\n",
                        "lxc.net.0.hwaddr = 02:51:0a:03:00:2a\n",
                        "lxc.net.0.veth.pair = qvdct42\n",
                        "lxc.net.0.ipv4.address = 10.3.0.42/16\n",
                        "lxc.net.0.ipv4.gateway = 10.3.0.1\n",
                        "lxc.net.0.script.up = /var/lib/qvd/containers/qvd-vm-42/net-hook\n");
    }

    @Test
    void limitsMemoryCpuAndProcessesInEitherCgroupHierarchy() {
        assertThat(builder.build(spec(false)))
                .contains(
                        "lxc.cgroup.memory.limit_in_bytes = 805306368\n",
                        "lxc.cgroup.cpu.shares = 512\n",
                        "lxc.cgroup.pids.max = 2048\n");
        assertThat(builder.build(spec(true)))
                .contains(
                        "lxc.cgroup2.memory.max = 805306368\n",
                        "lxc.cgroup2.cpu.weight = 20\n",
                        "lxc.cgroup2.pids.max = 2048\n",
                        "lxc.cgroup2.devices.deny = a\n")
                .doesNotContain("lxc.cgroup.");
        assertThat(LxcConfigBuilder.cpuWeight(1024)).isEqualTo(39);
        assertThat(LxcConfigBuilder.cpuWeight(262144)).isEqualTo(10000);
    }

    @Test
    void homeIsBindMountedAndTheNameCannotBreakTheConfiguration() {
        String config = builder.build(spec(false));
        assertThat(config)
                .contains("lxc.mount.entry = /var/lib/qvd/storage/homes/qvd-vm-42-home home none "
                        + "bind,create=dir 0 0\n");
        assertThat(config.lines().filter(l -> l.startsWith("#")))
                .singleElement()
                .asString()
                .contains("alice's desktop");
    }

    @Test
    void filterBindingGivesTheVethTheVmsAntiSpoofingFilter() {
        String xml = NetworkHook.filterBinding(spec(false));
        assertThat(xml)
                .contains(
                        "<portdev name=\"qvdct42\"/>",
                        "<mac address=\"02:51:0a:03:00:2a\"/>",
                        "<filterref filter=\"clean-traffic\"><parameter name=\"IP\" value=\"10.3.0.42\"/>");
        String script = new NetworkHook("qemu:///system").script(spec(false), Path.of("/x/binding.xml"));
        assertThat(script)
                .contains(
                        "bridge link set dev qvdct42 isolated on",
                        "nwfilter-binding-create '/x/binding.xml'",
                        "nwfilter-binding-delete qvdct42")
                .startsWith("#!/bin/sh");
    }
}
