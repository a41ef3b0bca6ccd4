package org.qvd.vmas.config.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.error.InvalidInputException;

class ConfigKeyTest {

    @Test
    void parsesTypedValuesAndRefusesWrongOnes() {
        ConfigKey<Integer> memory = ConfigKey.integer("osf.default.memory", 256, "");
        ConfigKey<Boolean> overlay = ConfigKey.bool("osf.default.overlay", true, "");
        assertThat(memory.parse(" 512 ")).isEqualTo(512);
        assertThat(overlay.parse("0")).isFalse();
        assertThat(overlay.parse("yes")).isTrue();
        assertThatThrownBy(() -> memory.parse("lots"))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("config.invalid_value");
        assertThatThrownBy(() -> overlay.parse("maybe")).isInstanceOf(InvalidInputException.class);
    }
}
