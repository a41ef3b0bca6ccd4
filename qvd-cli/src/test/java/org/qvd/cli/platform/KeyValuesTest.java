package org.qvd.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyValuesTest {

    @Test
    void parsesKeyValuePairsKeepingEqualsSignsInValues() {
        assertThat(KeyValues.parse(List.of("user=alice", "description=a=b", "empty=")))
                .containsEntry("user", "alice")
                .containsEntry("description", "a=b")
                .containsEntry("empty", "");
    }

    @Test
    void rejectsArgumentsWithoutAKeyAsUsageErrors() {
        assertThatThrownBy(() -> KeyValues.parse(List.of("alice")))
                .isInstanceOf(CliException.class)
                .extracting(e -> ((CliException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThatThrownBy(() -> KeyValues.parse(List.of("=x"))).isInstanceOf(CliException.class);
    }

    @Test
    void typesNumbersAndBooleansExceptForTextFields() {
        List<String> text = List.of("name");
        assertThat(KeyValues.typed("memoryMb", "512", text)).isEqualTo(512L);
        assertThat(KeyValues.typed("useOverlay", "false", text)).isEqualTo(false);
        assertThat(KeyValues.typed("name", "007", text)).isEqualTo("007");
        assertThat(KeyValues.typed("ip", "10.0.0.1", text)).isEqualTo("10.0.0.1");
    }
}
