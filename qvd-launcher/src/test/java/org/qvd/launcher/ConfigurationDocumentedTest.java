package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting a process reads through its one reader is documented in docs/configuration.md (or in the component
 * reference it links for that process), and every key its tables name is read somewhere: the server's
 * {@code ServerConfig} and MicroProfile Config keys, the L7R's {@code qvd.l7r.*}, the run command's {@code QVD_*}
 * variables, the VMA's {@code vma.*} and the host agent's catalogue, the CLI's and the client's variables. Reads
 * are found in the sources, so a new one without a line in the docs fails here.
 */
class ConfigurationDocumentedTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path CONFIGURATION = ROOT.resolve("docs/configuration.md");

    /** {@code ServerConfig.text("key"} or {@code ServerConfig.seconds(CONSTANT}. */
    private static final Pattern SERVER_CONFIG =
            Pattern.compile("ServerConfig\\.(?:text|seconds|enabled)\\(\\s*(?:\"([^\"]+)\"|([A-Z_]+))");

    private static final Pattern MP_CONFIG =
            Pattern.compile("(?:@ConfigProperty\\(name = |getOptionalValue\\()\"([^\"]+)\"");
    private static final Pattern L7R_SETTING = Pattern.compile("s\\.(?:text|integer|seconds)\\(\"([a-z-]+)\"");
    private static final Pattern ENVIRONMENT = Pattern.compile("\"(QVD_[A-Z0-9_]*[A-Z0-9])\"");
    private static final Pattern VMA_SETTING = Pattern.compile("d\\.put\\(\"(vma\\.[^\"]+)\"");
    private static final Pattern HKD_SETTING = Pattern.compile("Setting\\.\\w+\\(\\s*\"([^\"]+)\"");
    /** A table row's first two cells. */
    private static final Pattern FIRST_CELL = Pattern.compile("^\\|([^|]*)\\|([^|]*)");

    private static final Pattern KEY_IN_CELL = Pattern.compile("`((?:qvd\\.|QVD_|vma\\.)[A-Za-z0-9_.-]*[A-Za-z0-9])`");

    @Test
    void everySettingTheServerReadsIsDocumented() {
        Set<String> read = new TreeSet<>();
        for (Path source : sources("qvd-ejb", "qvd-l7r-connector", "qvd-l7r-vmas", "qvd-web-desktop", "qvd-web-api")) {
            String text = read(source);
            Matcher m = SERVER_CONFIG.matcher(text);
            while (m.find()) {
                String key = m.group(1) != null ? m.group(1) : constant(text, m.group(2));
                if (!key.endsWith(".")) { // "qvd.l7r." + name: the L7R's names are found below
                    read.add(key);
                }
            }
            all(MP_CONFIG, text, read);
        }
        all(
                L7R_SETTING,
                read(ROOT.resolve("qvd-l7r-connector/src/main/java/org/qvd/l7r/platform/ConnectorConfig.java")),
                "qvd.l7r.",
                read);
        assertThat(read)
                .as("keys found (is the reader still called ServerConfig?)")
                .hasSizeGreaterThan(30);
        assertThat(read)
                .allSatisfy(key -> assertThat(documented(key))
                        .as("%s is documented in docs/configuration.md or a reference it links", key)
                        .isTrue());
    }

    @Test
    void everyVariableTheRunCommandTheCliAndTheClientReadIsDocumented() {
        Set<String> read = new TreeSet<>();
        for (Path source : sources("qvd-launcher", "qvd-cli", "qvd-client")) {
            all(ENVIRONMENT, read(source), "", read);
        }
        read.remove("QVD_KEYTOOL_PASS"); // handed to keytool by the launcher itself, never read from the operator
        assertThat(read).contains("QVD_HOME", "QVD_API_URL", "QVD_PASSWORD");
        assertThat(read)
                .allSatisfy(key -> assertThat(documented(key))
                        .as("%s is documented in docs/configuration.md or a reference it links", key)
                        .isTrue());
    }

    @Test
    void everySettingOfTheAgentsIsInTheReferenceConfigurationLinks() {
        Set<String> vma = new TreeSet<>();
        all(VMA_SETTING, read(ROOT.resolve("qvd-vma/src/main/java/org/qvd/vma/platform/VmaConfig.java")), "", vma);
        Set<String> hkd = new TreeSet<>();
        all(HKD_SETTING, read(ROOT.resolve("qvd-hkd-agent/src/main/java/org/qvd/hkd/config/HkdConfig.java")), "", hkd);
        assertThat(vma).contains("vma.http.port", "vma.vnc.port");
        assertThat(hkd).contains("host.name");
        assertThat(configuration()).contains("(vma.md").contains("(hkd-agent.md");
        String vmaDoc = read(ROOT.resolve("docs/vma.md"));
        String hkdDoc = read(ROOT.resolve("docs/hkd-agent.md"));
        assertThat(vma)
                .allSatisfy(key -> assertThat(vmaDoc.contains(key))
                        .as("%s in docs/vma.md", key)
                        .isTrue());
        assertThat(hkd)
                .allSatisfy(key -> assertThat(hkdDoc.contains("`" + key + "`"))
                        .as("%s in docs/hkd-agent.md", key)
                        .isTrue());
    }

    @Test
    void everyKeyTheConfigurationTablesNameIsRead() {
        String code = codeAndScripts();
        Set<String> unread = new TreeSet<>();
        for (String key : documentedKeys(false)) {
            if (!code.contains(key) && !readWithPrefix(key, code)) {
                unread.add(key);
            }
        }
        assertThat(unread)
                .as("keys in docs/configuration.md that nothing reads")
                .isEmpty();
    }

    /** {@code qvd.l7r.port} is read as {@code "port"} by ConnectorConfig; {@code QVD_X} as {@code qvd.x} (MP). */
    private static boolean readWithPrefix(String key, String code) {
        if (key.startsWith("qvd.l7r.")) {
            return code.contains("\"" + key.substring("qvd.l7r.".length()) + "\"");
        }
        if (key.startsWith("QVD_")) {
            String property = key.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            return code.contains(property)
                    || code.contains(property.replace("qvd.l7r.", "").replace('.', '-'));
        }
        return false;
    }

    /** In configuration.md's tables, or in the reference of a component that configuration.md links. */
    private static boolean documented(String key) {
        if (documentedKeys().contains(key)) {
            return true;
        }
        Matcher link = Pattern.compile("\\]\\(([a-z-]+\\.md)").matcher(configuration());
        while (link.find()) {
            String reference = read(ROOT.resolve("docs").resolve(link.group(1)));
            if (Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(key) + "(?![A-Za-z0-9_-])")
                    .matcher(reference)
                    .find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys in the first two columns of configuration.md's tables (property and variable); a table whose first
     * header cell names a prefix ({@code `qvd.l7r.*`}) lists its keys without it.
     */
    private static Set<String> documentedKeys() {
        return documentedKeys(true);
    }

    /** With {@code variables}, also the second column (a property's environment variable). */
    private static Set<String> documentedKeys(boolean variables) {
        Set<String> keys = new TreeSet<>();
        String prefix = "";
        boolean header = true;
        for (String line : configuration().lines().toList()) {
            if (!line.startsWith("|")) {
                header = true;
                prefix = "";
                continue;
            }
            Matcher cell = FIRST_CELL.matcher(line);
            if (!cell.find()) {
                continue;
            }
            String first = cell.group(1);
            if (header) {
                Matcher p = Pattern.compile("`([a-z0-9.]+\\.)\\*`").matcher(first);
                prefix = p.find() ? p.group(1) : "";
                header = false;
                continue;
            }
            if (!prefix.isEmpty()) {
                Matcher names = Pattern.compile("`([a-z0-9-]+)`").matcher(first);
                while (names.find()) {
                    keys.add(prefix + names.group(1));
                }
            }
            Matcher k = KEY_IN_CELL.matcher(variables ? first + " " + cell.group(2) : first);
            while (k.find()) {
                keys.add(k.group(1));
            }
        }
        return keys;
    }

    private static String configuration() {
        return read(CONFIGURATION);
    }

    /** Main sources, scripts and server CLI files of the whole repository (not docs, tests or build output). */
    private static String codeAndScripts() {
        StringBuilder all = new StringBuilder();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = Set.of(".git", "target", "test", "node_modules", "docs", "data")
                                    .contains(name)
                            || dir.equals(ROOT.resolve("images/out"));
                    return skipped && !dir.equals(ROOT) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String s = ROOT.relativize(file).toString();
                    if (s.endsWith(".java")
                            || s.endsWith(".cli")
                            || s.endsWith(".sh")
                            || s.endsWith(".yml")
                            || s.endsWith(".properties")
                            || s.startsWith(".ci/")
                            || s.equals("qvd")) {
                        all.append(read(file)).append('\n');
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static Set<Path> sources(String... modules) {
        Set<Path> all = new TreeSet<>();
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static void all(Pattern pattern, String text, Set<String> into) {
        all(pattern, text, "", into);
    }

    private static void all(Pattern pattern, String text, String prefix, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(prefix + m.group(1));
        }
    }

    /** The value of {@code static final String NAME = "..."} in the same file. */
    private static String constant(String text, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]+)\"").matcher(text);
        assertThat(m.find()).as("constant %s", name).isTrue();
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
