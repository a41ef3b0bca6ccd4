package org.qvd.vmas.vm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.QvdException;

/** The VM network: which addresses a VM may have, the lowest free one, and MACs no two VMs share. */
class VmNetworkTest {

    private final VmNetwork defaults = new VmNetwork("10.3.0.1", "255.255.0.0", "10.3.15.10", "10.3.15.250");

    @Test
    void handsOutTheLowestFreeAddressOfTheRange() {
        assertThat(defaults.next(Set.of())).isEqualTo("10.3.15.10");
        assertThat(defaults.next(Set.of("10.3.15.10", "10.3.15.12"))).isEqualTo("10.3.15.11");
    }

    @Test
    void neverHandsOutTheNetworkTheGatewayOrTheBroadcast() {
        VmNetwork small = new VmNetwork("10.0.0.1", "255.255.255.252", "10.0.0.0", "10.0.0.3");
        // 10.0.0.0/30: .0 network, .1 gateway, .3 broadcast; only .2 is a VM address
        assertThat(small.next(Set.of())).isEqualTo("10.0.0.2");
        assertThatThrownBy(() -> small.next(Set.of("10.0.0.2")))
                .isInstanceOf(IpRangeExhaustedException.class)
                .extracting("code")
                .isEqualTo("vm.ip_exhausted");
    }

    @Test
    void refusesAddressesOutsideTheRangeOrTheNetworkAndTheHostsOwn() {
        for (String ip : new String[] {
            "8.8.8.8", "10.3.0.1", "10.3.0.0", "10.3.255.255", "10.3.15.9", "10.3.15.251", "11.3.15.12"
        }) {
            assertThatThrownBy(() -> defaults.requireUsable(ip))
                    .as(ip)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting("code")
                    .isEqualTo("vm.ip_out_of_range");
        }
        assertThat(defaults.requireUsable(" 10.3.15.12 ")).isEqualTo("10.3.15.12");
        assertThat(defaults.requireUsable("10.3.15.250")).isEqualTo("10.3.15.250");
    }

    @Test
    void refusesWhatIsNoAddress() {
        for (String ip : new String[] {"10.3.15", "10.3.15.-1", "10.3.15.256", "10.3.15.1a", "10.3.15.١٢", ""}) {
            assertThatThrownBy(() -> defaults.requireUsable(ip))
                    .as(ip)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting("code")
                    .isEqualTo("vm.ip_invalid");
        }
    }

    @Test
    void refusesATenantRangeOutsideTheNetwork() {
        assertThatThrownBy(() -> new VmNetwork("10.3.0.1", "255.255.0.0", "8.8.8.0", "8.8.8.255"))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("vm.ip_range_invalid");
        assertThatThrownBy(() -> new VmNetwork("10.3.0.1", "255.255.0.0", "10.3.15.10", "10.4.0.10"))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("vm.ip_range_invalid");
        assertThatThrownBy(() -> new VmNetwork("10.3.0.1", "255.255.0.0", "10.3.15.10", "10.3.15.9"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> new VmNetwork("10.3.0.1", "255.0.255.0", "10.3.15.10", "10.3.15.20"))
                .isInstanceOf(QvdException.class)
                .extracting("code")
                .isEqualTo("config.invalid_value");
    }

    @Test
    void derivesLocallyAdministeredMacsFromTheWholeAddress() {
        assertThat(VmNetwork.mac("02:51", "10.3.15.12")).isEqualTo("02:51:0a:03:0f:0c");
        // the last three octets alone made these two the same MAC
        assertThat(VmNetwork.mac("02:51", "11.3.15.12")).isNotEqualTo(VmNetwork.mac("02:51", "10.3.15.12"));
        Set<String> macs = new HashSet<>();
        for (int a = 1; a < 255; a += 7) {
            for (int d = 0; d < 256; d++) {
                assertThat(macs.add(VmNetwork.mac("02:51", a + ".3.15." + d))).isTrue();
            }
        }
        int first = Integer.parseInt(VmNetwork.mac("02:51", "10.3.15.12").substring(0, 2), 16);
        assertThat(first & 0x02).as("locally administered").isEqualTo(2);
        assertThat(first & 0x01).as("unicast").isZero();
    }

    @Test
    void refusesAMacPrefixThatIsGloballyAdministeredMulticastOrOfTheOldLength() {
        assertThat(VmNetwork.macPrefix(" 0A:51 ")).isEqualTo("0a:51");
        for (String p : new String[] {"54:52", "03:51", "54:52:00", "02:5", "zz:51"}) {
            assertThatThrownBy(() -> VmNetwork.macPrefix(p)).as(p).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
