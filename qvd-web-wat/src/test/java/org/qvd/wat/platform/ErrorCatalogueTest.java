package org.qvd.wat.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Every error code the WAT can meet (the catalogues of the VMAS and of the WAT itself: every enum implementing
 * {@link ErrorCode}) has an English description and a Spanish text, {@code error.<code>} in messages_es, which the
 * WAT shows to a Spanish-speaking administrator.
 */
class ErrorCatalogueTest {

    @Test
    void everyCodeHasAnEnglishDescriptionAndASpanishText() throws Exception {
        List<ErrorCode> codes = new ArrayList<>();
        codes.addAll(catalogued(ErrorCode.class));
        codes.addAll(catalogued(WatError.class));
        assertThat(codes).as("catalogues found").hasSizeGreaterThan(80);

        ResourceBundle spanish = ResourceBundle.getBundle(Feedback.BUNDLE, Locale.forLanguageTag("es"));
        for (ErrorCode code : codes) {
            assertThat(code.description())
                    .as("English description of %s", code.code())
                    .isNotBlank();
            assertThat(spanish.containsKey("error." + code.code()))
                    .as("Spanish text error.%s", code.code())
                    .isTrue();
            assertThat(spanish.getString("error." + code.code()))
                    .as("error.%s is Spanish, not the English text", code.code())
                    .isNotEqualTo(code.description());
        }
    }

    @Test
    void noCodeIsSpelledTwice() throws Exception {
        List<String> spelled = new ArrayList<>();
        catalogued(ErrorCode.class).forEach(c -> spelled.add(c.code()));
        catalogued(WatError.class).forEach(c -> spelled.add(c.code()));
        assertThat(spelled).doesNotHaveDuplicates();
    }

    /** The constants of every {@code *Error} enum implementing ErrorCode in the jar or directory of {@code from}. */
    private static List<ErrorCode> catalogued(Class<?> from) throws IOException, URISyntaxException {
        Path root =
                Path.of(from.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ErrorCode> codes = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, codes);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                collect(jar.getPath("/"), codes);
            }
        }
        return codes;
    }

    private static void collect(Path root, List<ErrorCode> codes) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith("Error.class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, ErrorCatalogueTest.class.getClassLoader());
                    if (type.isEnum() && ErrorCode.class.isAssignableFrom(type)) {
                        for (Object constant : type.getEnumConstants()) {
                            codes.add((ErrorCode) constant);
                        }
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
    }
}
