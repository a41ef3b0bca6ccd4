package org.qvd.hkd.vm.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.vm.control.VmDhcp.HostEntry;

/** DHCP host entries through virNetworkUpdate on libvirt's test driver. */
class VmDhcpTest {

    private final TestHypervisor hv = new TestHypervisor();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void addsAnEntryOnceHoweverOftenAsked() {
        hv.dhcp.ensureHost(3, "52:54:00:03:00:03", "10.3.0.3");
        hv.dhcp.ensureHost(3, "52:54:00:03:00:03", "10.3.0.3");

        assertThat(hv.dhcp.entries()).containsExactly(new HostEntry("qvd-vm-3", "52:54:00:03:00:03", "10.3.0.3"));
    }

    @Test
    void replacesStaleEntriesThatClashOnNameMacOrIp() {
        hv.dhcp.ensureHost(3, "52:54:00:03:00:03", "10.3.0.3");
        hv.dhcp.ensureHost(4, "52:54:00:03:00:04", "10.3.0.4");

        hv.dhcp.ensureHost(3, "52:54:00:03:00:33", "10.3.0.4");

        assertThat(hv.dhcp.entries()).containsExactly(new HostEntry("qvd-vm-3", "52:54:00:03:00:33", "10.3.0.4"));
    }

    @Test
    void removesOnlyTheVmsOwnEntry() {
        hv.dhcp.ensureHost(3, "52:54:00:03:00:03", "10.3.0.3");
        hv.dhcp.ensureHost(4, "52:54:00:03:00:04", "10.3.0.4");

        hv.dhcp.removeHost(3);
        hv.dhcp.removeHost(3);

        assertThat(hv.dhcp.entries()).containsExactly(new HostEntry("qvd-vm-4", "52:54:00:03:00:04", "10.3.0.4"));
    }
}
