package org.qvd.hkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped hkd.conf documents every key with its real default, so the sample never drifts. */
class SampleConfigTest {

    private static final Path SAMPLE = Path.of("src/main/dist/hkd.conf");

    @Test
    void showsEveryKeyWithItsDefault() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);

        for (Setting<?> setting : HkdConfig.ALL) {
            String expected = ("#" + setting.key() + " = " + setting.defaultText()).strip();
            assertThat(lines).as(setting.key()).contains(expected);
        }
    }

    @Test
    void loadsWithEveryLineUncommentedToTheDefaults() throws Exception {
        Path uncommented = Files.createTempFile("hkd", ".conf");
        Files.write(
                uncommented,
                Files.readAllLines(SAMPLE).stream()
                        .map(line -> line.matches("#[a-z][a-z.-]+ =.*") ? line.substring(1) : line)
                        .toList());

        HkdConfig config = HkdConfig.load(uncommented);

        assertThat(config.unknownKeys()).isEmpty();
        assertThat(config.describe())
                .isEqualTo(HkdConfig.of(java.util.Map.of()).describe().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                java.util.Map.Entry::getKey,
                                e -> e.getValue().replace("[default]", "[file]"),
                                (a, b) -> a,
                                java.util.LinkedHashMap::new)));
    }
}
