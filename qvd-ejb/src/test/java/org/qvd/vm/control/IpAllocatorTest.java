package org.qvd.vm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.InvalidInputException;
import org.qvd.vmas.platform.QvdException;

class IpAllocatorTest {

    @Test
    void handsOutTheLowestFreeAddress() {
        IpAllocator ips = new IpAllocator("10.0.0.10", "10.0.0.20");
        assertThat(ips.next(Set.of())).isEqualTo("10.0.0.10");
        assertThat(ips.next(Set.of("10.0.0.10", "10.0.0.11", "10.0.0.13"))).isEqualTo("10.0.0.12");
    }

    @Test
    void neverHandsOutAnAddressInUse() {
        IpAllocator ips = new IpAllocator("10.0.0.1", "10.0.0.3");
        assertThat(ips.next(Set.of("10.0.0.1", "10.0.0.2"))).isEqualTo("10.0.0.3");
    }

    @Test
    void crossesOctetBoundaries() {
        IpAllocator ips = new IpAllocator("10.0.0.255", "10.0.1.1");
        assertThat(ips.next(Set.of("10.0.0.255"))).isEqualTo("10.0.1.0");
    }

    @Test
    void refusesWhenTheRangeIsExhausted() {
        IpAllocator ips = new IpAllocator("10.0.0.1", "10.0.0.2");
        assertThatThrownBy(() -> ips.next(Set.of("10.0.0.1", "10.0.0.2")))
                .isInstanceOf(IpRangeExhaustedException.class).hasMessageContaining("10.0.0.1 - 10.0.0.2")
                .extracting("code").isEqualTo("vm.ip_exhausted");
    }

    @Test
    void refusesABadlyConfiguredRange() {
        assertThatThrownBy(() -> new IpAllocator("10.0.0.9", "10.0.0.1")).isInstanceOf(QvdException.class)
                .extracting("code").isEqualTo("config.invalid_value");
        assertThatThrownBy(() -> new IpAllocator("10.0.0.300", "10.0.0.1")).isInstanceOf(QvdException.class);
    }

    @Test
    void normalisesAndChecksTypedAddresses() {
        assertThat(IpAllocator.normalise(" 10.0.0.7 ")).isEqualTo("10.0.0.7");
        assertThat(new IpAllocator("10.0.0.1", "10.0.0.9").contains("10.0.0.7")).isTrue();
        assertThatThrownBy(() -> IpAllocator.normalise("10.0.0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IpAllocator.normalise("10.0.0.-1")).isInstanceOf(InvalidInputException.class);
    }
}
