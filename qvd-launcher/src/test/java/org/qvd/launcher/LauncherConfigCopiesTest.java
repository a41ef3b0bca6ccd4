package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each command-line option's copy of the configuration changes its own value and keeps all the others. */
class LauncherConfigCopiesTest {

    private final LauncherConfig fromEnvironment = LauncherConfig.fromEnvironment(Map.of(
            "QVD_SOURCE_ROOT", "/src",
            "QVD_PORT_OFFSET", "7",
            "QVD_DEMO_KIND", "container",
            "QVD_HKD_HOST_NAME", "node1",
            "QVD_TLS_SAN", "a.example,b.example"));

    @Test
    void stopVmsOnExitChangesOnlyThatOption() {
        LauncherConfig copy = fromEnvironment.withStopVmsOnExit();
        assertThat(copy.stopVmsOnExit()).isTrue();
        assertThat(copy)
                .usingRecursiveComparison()
                .ignoringFields("stopVmsOnExit")
                .isEqualTo(fromEnvironment);
    }

    @Test
    void demoVmChangesOnlyTheDemoKind() {
        LauncherConfig copy = fromEnvironment.withDemoVm();
        assertThat(copy.demoKind()).isEqualTo("vm");
        assertThat(copy).usingRecursiveComparison().ignoringFields("demoKind").isEqualTo(fromEnvironment);
    }

    @Test
    void portOffsetChangesOnlyTheOffset() {
        LauncherConfig copy = fromEnvironment.withPortOffset(100);
        assertThat(copy.portOffset()).isEqualTo(100);
        assertThat(copy.effective(9443)).isEqualTo(9543);
        assertThat(copy).usingRecursiveComparison().ignoringFields("portOffset").isEqualTo(fromEnvironment);
    }
}
