package org.qvd.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTest {

    @Test
    void printsAlignedTablesWithDashesForMissingValues() throws Exception {
        JsonNode rows = RestClient.JSON.readTree(
                "[{\"id\":1,\"name\":\"desk\",\"tags\":[\"a\",\"b\"]}," + "{\"id\":22,\"name\":null}]");
        StringWriter out = new StringWriter();
        Output.print(new PrintWriter(out), rows, List.of("id", "name", "tags"), false);
        assertThat(out.toString().lines()).containsExactly("id  name  tags", "1   desk  a,b", "22  -     -");
    }

    @Test
    void printsTheApisJsonWhenAsked() throws Exception {
        JsonNode rows = RestClient.JSON.readTree("[{\"id\":1}]");
        StringWriter out = new StringWriter();
        Output.print(new PrintWriter(out), rows, List.of("id"), true);
        assertThat(RestClient.JSON.readTree(out.toString())).isEqualTo(rows);
    }

    @Test
    void mapsHttpStatusesToDocumentedExitCodes() {
        assertThat(ExitCode.forStatus(400)).isEqualTo(7);
        assertThat(ExitCode.forStatus(401)).isEqualTo(3);
        assertThat(ExitCode.forStatus(403)).isEqualTo(4);
        assertThat(ExitCode.forStatus(404)).isEqualTo(5);
        assertThat(ExitCode.forStatus(409)).isEqualTo(6);
        assertThat(ExitCode.forStatus(503)).isEqualTo(1);
    }
}
