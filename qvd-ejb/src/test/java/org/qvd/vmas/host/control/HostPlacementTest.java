package org.qvd.vmas.host.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.vmas.host.control.HostPlacement.Candidate;

class HostPlacementTest {

    private final HostPlacement placement = new HostPlacement(1.0, 1.0);

    @Test
    void prefersTheHostWithMoreFreeResourcesPerVm() {
        Candidate busy = new Candidate(1, "busy", 8192, 4, 0.5, 3, 0);
        Candidate idle = new Candidate(2, "idle", 8192, 4, 0.5, 0, 0);
        assertThat(placement.choose(List.of(busy, idle), 512))
                .map(Candidate::name)
                .contains("idle");
    }

    @Test
    void skipsHostsWithoutRoomForTheVmEvenIfTheyScoreBest() {
        Candidate roomy = new Candidate(1, "roomy", 4096, 1, 0.9, 5, 0);
        Candidate tooSmall = new Candidate(2, "small", 700, 16, 0.0, 0, 0);
        assertThat(placement.choose(List.of(roomy, tooSmall), 1024))
                .map(Candidate::name)
                .contains("roomy");
    }

    @Test
    void countsMemoryAlreadyPromisedToStartingVms() {
        Candidate promised = new Candidate(1, "promised", 2048, 2, 0, 0, 1536);
        assertThat(placement.choose(List.of(promised), 1024)).isEmpty();
    }

    @Test
    void placesEachKindOnlyOnHostsOfferingIt() {
        Candidate vmsOnly = new Candidate(1, "kvm", 8192, 4, 0, 0, 0);
        Candidate both = new Candidate(2, "both", 4096, 4, 0, 3, 0, Set.of(DesktopKind.VM, DesktopKind.CONTAINER));
        Candidate containersOnly = new Candidate(3, "lxc", 65536, 16, 0, 0, 0, Set.of(DesktopKind.CONTAINER));
        List<Candidate> all = List.of(vmsOnly, both, containersOnly);
        assertThat(placement.choose(all, 512, DesktopKind.CONTAINER))
                .map(Candidate::name)
                .contains("lxc");
        assertThat(placement.choose(all, 512, DesktopKind.VM))
                .map(Candidate::name)
                .contains("kvm");
        assertThat(placement.choose(List.of(vmsOnly), 512, DesktopKind.CONTAINER))
                .isEmpty();
        assertThat(placement.choose(List.of(containersOnly), 512))
                .as("a plain choose places a VM")
                .isEmpty();
    }

    @Test
    void findsNothingWhenNoHostHasRoom() {
        assertThat(placement.choose(List.of(new Candidate(1, "h", 256, 2, 0, 0, 0)), 512))
                .isEmpty();
        assertThat(placement.choose(List.of(), 512)).isEmpty();
    }

    @Test
    void weightsDecideBetweenRamAndCpu() {
        Candidate ramRich = new Candidate(1, "ram", 32768, 2, 1.5, 0, 0);
        Candidate cpuRich = new Candidate(2, "cpu", 4096, 32, 0, 0, 0);
        assertThat(new HostPlacement(1, 0).choose(List.of(ramRich, cpuRich), 512))
                .map(Candidate::name)
                .contains("ram");
        assertThat(new HostPlacement(0, 1).choose(List.of(ramRich, cpuRich), 512))
                .map(Candidate::name)
                .contains("cpu");
    }

    @Test
    void tiesGoToTheLowerHostId() {
        Candidate a = new Candidate(7, "a", 4096, 2, 0, 0, 0);
        Candidate b = new Candidate(3, "b", 4096, 2, 0, 0, 0);
        assertThat(placement.choose(List.of(a, b), 512)).map(Candidate::hostId).contains(3L);
    }

    @Test
    void refusesNegativeWeights() {
        assertThatThrownBy(() -> new HostPlacement(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
