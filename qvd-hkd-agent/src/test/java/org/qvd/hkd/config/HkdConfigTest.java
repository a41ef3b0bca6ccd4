package org.qvd.hkd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HkdConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        HkdConfig config = HkdConfig.of(Map.of());

        assertThat(config.get(HkdConfig.HEARTBEAT_PERIOD)).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.get(HkdConfig.VMA_PORT)).isEqualTo(3030);
        assertThat(config.get(HkdConfig.DOMAIN_TYPE)).isEqualTo("kvm");
        assertThat(config.get(HkdConfig.STORAGE_IMAGES)).isEqualTo("/var/lib/qvd/storage/images");
        assertThat(config.get(HkdConfig.BROKER_URLS))
                .singleElement()
                .asString()
                .startsWith(
                        "tcp://localhost:9443?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&sslEnabled=true")
                .contains("verifyHost=true")
                .contains("trustStorePath=/etc/qvd/broker-trust.p12");
        assertThat(config.get(HkdConfig.BROKER_WILDFLY_PREFIXES)).isTrue();
    }

    @Test
    void takesSystemPropertyOverEnvironmentOverFile() {
        HkdConfig config = HkdConfig.resolve(
                Map.of("vma.port", "1", "heartbeat.period", "2s", "libvirt.domain-type", "qemu"),
                Map.of("QVD_HKD_VMA_PORT", "2", "QVD_HKD_HEARTBEAT_PERIOD", "750ms"),
                key -> key.equals("vma.port") ? "3" : null);

        assertThat(config.get(HkdConfig.VMA_PORT)).isEqualTo(3);
        assertThat(config.get(HkdConfig.HEARTBEAT_PERIOD)).isEqualTo(Duration.ofMillis(750));
        assertThat(config.get(HkdConfig.DOMAIN_TYPE)).isEqualTo("qemu");
        assertThat(config.describe().get("vma.port")).endsWith("[system property]");
        assertThat(config.describe().get("libvirt.domain-type")).isEqualTo("qemu  [file]");
    }

    @Test
    void readsTheFileAndNamesUnknownKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hkd.conf");
        Files.writeString(
                file,
                "# comment\nhost.name = node7\nbroker.urls = tcp://a:61616, (tcp://b:1,tcp://c:2)?ha=true\n"
                        + "heartbeat.peroid = 3s\n");

        HkdConfig config = HkdConfig.load(file);

        assertThat(config.hostName()).isEqualTo("node7");
        assertThat(config.get(HkdConfig.BROKER_URLS)).containsExactly("tcp://a:61616", "(tcp://b:1,tcp://c:2)?ha=true");
        assertThat(config.unknownKeys()).containsExactly("heartbeat.peroid");
    }

    @Test
    void neverShowsThePassword() {
        HkdConfig config = HkdConfig.of(Map.of("broker.password", "s3cret"));

        assertThat(config.describe().values()).noneMatch(line -> line.contains("s3cret"));
        assertThat(config.describe().get("broker.password")).startsWith("********");
        assertThat(config.get(HkdConfig.BROKER_PASSWORD)).isEqualTo("s3cret");
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertThatThrownBy(() -> HkdConfig.of(Map.of("libvirt.domain-type", "xen")))
                .isInstanceOf(ConfigInvalidException.class)
                .hasMessageContaining("libvirt.domain-type")
                .hasMessageContaining("kvm");
        assertThatThrownBy(() -> HkdConfig.of(Map.of("heartbeat.period", "soon")))
                .hasMessageContaining("heartbeat.period");
        assertThatThrownBy(() -> HkdConfig.of(Map.of("heartbeat.period", "10ms")))
                .hasMessageContaining("at least 100ms");
    }

    @Test
    void documentsEveryKey() {
        assertThat(HkdConfig.ALL)
                .allSatisfy(setting -> assertThat(setting.description()).isNotBlank());
        assertThat(HkdConfig.ALL.stream().map(Setting::key).distinct().count()).isEqualTo(HkdConfig.ALL.size());
        assertThat(List.of(HkdConfig.BROKER_PASSWORD.environmentVariable())).containsExactly("QVD_HKD_BROKER_PASSWORD");
    }
}
