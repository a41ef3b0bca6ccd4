package org.qvd.vmas.vm.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qvd.vmas.host.entity.Host;

/** Every pair of VM states: the allowed ones move (and are recorded), the others are refused and change nothing. */
class VmStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Set<List<VmState>> ALLOWED = Set.of(
            List.of(VmState.STOPPED, VmState.STARTING),
            List.of(VmState.STARTING, VmState.RUNNING),
            List.of(VmState.STARTING, VmState.DEBUGGING),
            List.of(VmState.STARTING, VmState.STOPPING),
            List.of(VmState.STARTING, VmState.STOPPED),
            List.of(VmState.STARTING, VmState.ZOMBIE),
            List.of(VmState.RUNNING, VmState.STOPPING),
            List.of(VmState.RUNNING, VmState.DEBUGGING),
            List.of(VmState.RUNNING, VmState.ZOMBIE),
            List.of(VmState.DEBUGGING, VmState.RUNNING),
            List.of(VmState.DEBUGGING, VmState.STOPPING),
            List.of(VmState.DEBUGGING, VmState.ZOMBIE),
            List.of(VmState.STOPPING, VmState.STOPPED),
            List.of(VmState.STOPPING, VmState.ZOMBIE),
            List.of(VmState.ZOMBIE, VmState.STOPPED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (VmState from : VmState.values()) {
            for (VmState to : VmState.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("everyPair")
    void movesOnlyAlongTheStateMachine(VmState from, VmState to, boolean allowed) {
        VmRuntime runtime = VmFixtures.vmIn(from).getRuntime();
        if (allowed) {
            VmStateHistory h = runtime.moveTo(to, "test", NOW);
            assertThat(runtime.getState()).isEqualTo(to);
            assertThat(h.getFromState()).isEqualTo(from);
            assertThat(h.getToState()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> runtime.moveTo(to, "test", NOW))
                    .isInstanceOf(VmStateException.class)
                    .hasMessageContaining(from.name().toLowerCase())
                    .hasMessageContaining(to.name().toLowerCase());
            assertThat(runtime.getState()).isEqualTo(from);
        }
    }

    static Stream<VmState> everyState() {
        return Stream.of(VmState.values());
    }

    @ParameterizedTest
    @MethodSource("everyState")
    void startsOnlyFromStopped(VmState from) {
        Vm vm = VmFixtures.vmIn(from);
        if (from == VmState.STOPPED) {
            vm.start(NOW);
            assertThat(vm.getRuntime().getState()).isEqualTo(VmState.STARTING);
            assertThat(vm.getRuntime().getPendingCommand()).isEqualTo(VmCommand.START);
        } else {
            assertThatThrownBy(() -> vm.start(NOW))
                    .isInstanceOf(VmStateException.class)
                    .hasMessageContaining("only be started when stopped");
            assertThat(vm.getRuntime().getState()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @MethodSource("everyState")
    void stopsOnlyFromStartingRunningOrDebugging(VmState from) {
        VmRuntime runtime = VmFixtures.vmIn(from).getRuntime();
        if (EnumSet.of(VmState.STARTING, VmState.RUNNING, VmState.DEBUGGING).contains(from)) {
            runtime.requestStop(NOW);
            assertThat(runtime.getState()).isEqualTo(VmState.STOPPING);
            assertThat(runtime.getPendingCommand()).isEqualTo(VmCommand.STOP);
        } else {
            assertThatThrownBy(() -> runtime.requestStop(NOW)).isInstanceOf(VmStateException.class);
            assertThat(runtime.getState()).isEqualTo(from);
        }
    }

    @Test
    void refusesToStartABlockedVm() {
        Vm vm = VmFixtures.vmIn(VmState.STOPPED);
        vm.block();
        assertThatThrownBy(() -> vm.start(NOW))
                .isInstanceOf(VmStateException.class)
                .extracting("code")
                .isEqualTo("vm.blocked");
        assertThat(vm.getRuntime().getState()).isEqualTo(VmState.STOPPED);
    }

    @Test
    void stoppingClearsHostAddressPortsAndDi() {
        Vm vm = VmFixtures.vmIn(VmState.STOPPED);
        vm.start(NOW);
        vm.getRuntime().placeOn(new Host("h", "192.0.2.1", null), null, "ab".repeat(32), NOW);
        assertThat(vm.getRuntime().vmaKey()).isEqualTo("ab".repeat(32));
        vm.getRuntime().running("10.0.0.5", 3030, 4100, 22, NOW);
        vm.getRuntime().requestStop(NOW);
        vm.getRuntime().moveTo(VmState.STOPPED, null, NOW);
        VmRuntime r = vm.getRuntime();
        assertThat(r.getHost()).isNull();
        assertThat(r.getAddress()).isNull();
        assertThat(r.getVmaPort()).isNull();
        assertThat(r.getXPort()).isNull();
        assertThat(r.getCurrentDi()).isNull();
        assertThat(r.getPendingCommand()).isNull();
        assertThat(r.vmaKey()).as("the VMA key lives as long as the start").isNull();
    }

    @Test
    void aFailedStartKeepsItsReason() {
        Vm vm = VmFixtures.vmIn(VmState.STOPPED);
        vm.start(NOW);
        vm.getRuntime().moveTo(VmState.STOPPED, "no host available", NOW);
        assertThat(vm.getRuntime().getLastFailure()).isEqualTo("no host available");
    }

    @Test
    void deletesOnlyAStoppedVm() {
        VmFixtures.vmIn(VmState.STOPPED).checkDeletable();
        assertThatThrownBy(() -> VmFixtures.vmIn(VmState.RUNNING).checkDeletable())
                .isInstanceOf(VmStateException.class);
    }
}
