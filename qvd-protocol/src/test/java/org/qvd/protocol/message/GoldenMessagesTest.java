package org.qvd.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden file of schema 1 decodes, and encodes back to the same JSON tree. */
class GoldenMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageCodec codec = new MessageCodec();

    static List<Path> goldenV1() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenMessagesTest.class.getResource("/golden/v1").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenV1")
    void roundTripsGoldenFileToTheSameJsonTree(Path golden) throws IOException {
        String json = Files.readString(golden, StandardCharsets.UTF_8);

        Envelope decoded = codec.decode(json);
        String encoded = codec.encode(decoded);

        assertThat(JSON.readTree(encoded)).isEqualTo(JSON.readTree(json));
        assertThat(golden.getFileName().toString()).startsWith(decoded.type());
        assertThat(decoded.message()).isInstanceOf(MessageTypes.classOf(decoded.type()));
    }

    @ParameterizedTest
    @MethodSource("goldenV1")
    void copiesEnvelopeIntoJmsProperties(Path golden) throws IOException {
        JsonNode tree = JSON.readTree(golden.toFile());

        Envelope decoded = codec.decode(tree.toString());

        assertThat(decoded.properties())
                .containsEntry(MessageProperties.TYPE, tree.get("type").asText())
                .containsEntry(
                        MessageProperties.SCHEMA_VERSION,
                        tree.get("schemaVersion").asText())
                .containsEntry(MessageProperties.HOST_NAME, tree.get("hostName").asText());
        if (tree.has("correlationId")) {
            assertThat(decoded.properties())
                    .containsEntry(
                            MessageProperties.CORRELATION_ID,
                            tree.get("correlationId").asText());
        } else {
            assertThat(decoded.properties()).doesNotContainKey(MessageProperties.CORRELATION_ID);
        }
    }

    @Test
    void hasAGoldenFileForEveryMessageType() throws Exception {
        List<String> covered = goldenV1().stream()
                .map(p -> p.getFileName().toString().replaceFirst("(-.*)?\\.json$", ""))
                .distinct()
                .sorted()
                .toList();

        assertThat(covered).containsExactlyElementsOf(MessageTypes.names());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = GoldenMessagesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
