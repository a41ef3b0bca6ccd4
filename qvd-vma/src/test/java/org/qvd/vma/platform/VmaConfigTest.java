package org.qvd.vma.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VmaConfigTest {

    @Test
    void defaultsMatchTheArchitecture() {
        VmaConfig config = VmaConfig.from(new Properties());
        assertThat(config.httpPort()).isEqualTo(3030);
        assertThat(config.nxPort()).isEqualTo(4100);
        assertThat(config.nxDisplay()).isEqualTo(100);
        assertThat(config.localMode()).isFalse();
        assertThat(config.homeDevice()).isEqualTo(Path.of("/dev/vdb"));
        assertThat(config.sessionDir()).isEqualTo(Path.of("/run/qvd/session"));
    }

    @Test
    void splitsConfiguredCommandsIntoArguments() {
        Properties p = new Properties();
        p.setProperty("vma.poweroff.command", "systemctl  poweroff");
        p.setProperty("vma.session.command", "");
        VmaConfig config = VmaConfig.from(p);
        assertThat(config.poweroffCommand()).isEqualTo(List.of("systemctl", "poweroff"));
        assertThat(config.sessionCommand()).isEmpty();
    }
}
