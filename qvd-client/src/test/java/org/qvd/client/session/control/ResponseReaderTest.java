package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.session.entity.L7rResponse;

class ResponseReaderTest {

    private static InputStream stream(String bytes) {
        return new BufferedInputStream(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsTheListResponseBodyByContentLength() throws Exception {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 54\r\n\r\n"
                + "[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0}]NEXT");

        L7rResponse response = new ResponseReader(in).read();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0}]");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NEXT");
    }

    @Test
    void readsSeveralProcessingResponsesThenSwitchingProtocolsAndLeavesTheNxBytesInTheStream() throws Exception {
        InputStream in = stream("HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting VM (step 1)\r\n\r\n"
                + "HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting VM (step 2)\r\n\r\n"
                + "HTTP/1.1 101 Switching Protocols\r\nX-QVD-Slave-Key: abc\r\n\r\nNXPROXY-3.5.0 ");
        ResponseReader reader = new ResponseReader(in);

        L7rResponse first = reader.read();
        L7rResponse second = reader.read();
        L7rResponse last = reader.read();

        assertThat(first.interim()).isTrue();
        assertThat(first.header("X-QVD-VM-Info")).isEqualTo("Starting VM (step 1)");
        assertThat(second.header("X-QVD-VM-Info")).isEqualTo("Starting VM (step 2)");
        assertThat(last.status()).isEqualTo(101);
        assertThat(last.interim()).isFalse();
        assertThat(last.header("X-QVD-Slave-Key")).isEqualTo("abc");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NXPROXY-3.5.0 ");
    }

    @Test
    void acceptsBareLineFeedsLeadingBlankLinesAndFoldedHeaders() throws Exception {
        InputStream in = stream(
                "\r\n\nHTTP/1.1 503 Service Unavailable\nContent-Length: 4\nX-Long: part one\n\tpart two\n\nbusy");

        L7rResponse response = new ResponseReader(in).read();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.reason()).isEqualTo("Service Unavailable");
        assertThat(response.header("X-Long")).isEqualTo("part one part two");
        assertThat(response.bodyText()).isEqualTo("busy");
    }

    @Test
    void headerLookupIsByExactNameAsTheLegacyClientsDo() throws Exception {
        L7rResponse response =
                new ResponseReader(stream("HTTP/1.1 101 Switching Protocols\r\nx-qvd-slave-key: abc\r\n\r\n")).read();

        assertThat(response.header("X-QVD-Slave-Key")).isNull();
        assertThat(response.header("x-qvd-slave-key")).isEqualTo("abc");
    }

    @Test
    void keepsTheHttpVersionSoCallersCanRefuseHttp10() throws Exception {
        L7rResponse response = new ResponseReader(stream("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n[]")).read();

        assertThat(response.version()).isEqualTo("HTTP/1.0");
    }

    @Test
    void refusesAStatusLineThatIsNotHttp() {
        assertThatThrownBy(() -> new ResponseReader(stream("SSH-2.0-OpenSSH_9.2\r\n\r\n")).read())
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.PROTOCOL_MISMATCH));
    }

    @Test
    void refusesAMalformedHeaderLine() {
        assertThatThrownBy(() -> new ResponseReader(stream("HTTP/1.1 200 OK\r\nthis is not a header\r\n\r\n")).read())
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.PROTOCOL_MISMATCH));
    }

    @Test
    void boundsTheLengthOfALine() {
        String longLine = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(ResponseReader.MAX_LINE) + "\r\n\r\n";

        assertThatThrownBy(() -> new ResponseReader(stream(longLine)).read())
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.getMessage()).contains("line longer"));
    }

    @Test
    void boundsTheBodySize() {
        String huge = "HTTP/1.1 200 OK\r\nContent-Length: " + (ResponseReader.MAX_BODY + 1) + "\r\n\r\n";

        assertThatThrownBy(() -> new ResponseReader(stream(huge)).read())
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.getMessage()).contains("body of"));
    }

    @Test
    void reportsAConnectionClosedBeforeAnyResponse() {
        assertThatThrownBy(() -> new ResponseReader(stream("")).read())
                .isInstanceOf(EOFException.class)
                .hasMessage("server closed the connection");
    }

    @Test
    void reportsAConnectionClosedInsideABody() {
        assertThatThrownBy(() -> new ResponseReader(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[]")).read())
                .isInstanceOf(EOFException.class);
    }
}
