package org.qvd.client.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.platform.ScriptedConsole;

class PasswordSourceTest {

    @TempDir
    Path dir;

    @Test
    void theFileWinsAndOnlyItsFirstLineCounts() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cr:t \r\nsecond line\n");

        char[] password =
                PasswordSource.resolve(file, Map.of("QVD_PASSWORD", "env"), new ScriptedConsole(true, "typed"), "?");

        assertThat(new String(password)).isEqualTo("s3cr:t ");
    }

    @Test
    void thenTheEnvironmentThenThePrompt() {
        assertThat(PasswordSource.resolve(null, Map.of("QVD_PASSWORD", "env"), new ScriptedConsole(true, "typed"), "?"))
                .containsExactly('e', 'n', 'v');
        assertThat(PasswordSource.resolve(null, Map.of(), new ScriptedConsole(true, "typed"), "?"))
                .containsExactly('t', 'y', 'p', 'e', 'd');
    }

    @Test
    void withoutAnySourceItIsAUsageError() {
        assertThatThrownBy(() -> PasswordSource.resolve(null, Map.of(), new ScriptedConsole(false), "?"))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE));
        assertThatThrownBy(
                        () -> PasswordSource.resolve(dir.resolve("missing"), Map.of(), new ScriptedConsole(false), "?"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Cannot read the password file");
    }
}
