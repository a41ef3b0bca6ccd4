package org.qvd.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the L7R meets when it talks to a stand-in desktop: the VMA's answers and the NX agent's session. */
class StandInDesktopTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void provisionsOnTheFirstStartAndResumesOnLaterOnes() throws Exception {
        try (StandInDesktop desktop =
                StandInDesktop.start(StandInDesktop.Vma.PROVISION_THEN_RESUME, StandInDesktop.Nx.ECHO)) {
            assertThat(vma(desktop, "/vma/x_start?qvd.client.os=linux")).contains("\"provisioning\"");
            assertThat(vma(desktop, "/vma/x_state")).contains("\"starting\"");
            assertThat(vma(desktop, "/vma/x_state")).contains("\"listening\"");
            assertThat(vma(desktop, "/vma/x_start")).contains("\"listening\"").contains("\"resumed\":true");
            assertThat(desktop.vmaCalls())
                    .containsExactly(
                            "/vma/x_start?qvd.client.os=linux", "/vma/x_state", "/vma/x_state", "/vma/x_start");
        }
    }

    @Test
    void aListeningDesktopNeverProvisions() throws Exception {
        try (StandInDesktop desktop = StandInDesktop.start(StandInDesktop.Vma.LISTENING, StandInDesktop.Nx.ECHO)) {
            assertThat(vma(desktop, "/vma/x_start")).isEqualTo("{\"state\":\"listening\",\"resumed\":false}");
        }
    }

    @Test
    void oneSessionGivesALaterTunnelWhatEarlierOnesTyped() throws Exception {
        try (StandInDesktop desktop =
                StandInDesktop.start(StandInDesktop.Vma.LISTENING, StandInDesktop.Nx.ONE_SESSION)) {
            try (Socket first = new Socket("127.0.0.1", desktop.nxPort())) {
                assertThat(readLine(first)).isEqualTo("SESSION[]");
                first.getOutputStream().write("typed;".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(first.getInputStream().readNBytes(6), StandardCharsets.UTF_8))
                        .isEqualTo("typed;");
            }
            try (Socket second = new Socket("127.0.0.1", desktop.nxPort())) {
                assertThat(readLine(second)).isEqualTo("SESSION[typed;]");
            }
        }
    }

    @Test
    void anEchoingAgentSendsEveryByteBack() throws Exception {
        try (StandInDesktop desktop = StandInDesktop.start(StandInDesktop.Vma.LISTENING, StandInDesktop.Nx.ECHO);
                Socket tunnel = new Socket("127.0.0.1", desktop.nxPort())) {
            tunnel.getOutputStream().write(new byte[] {0, 1, 2, (byte) 255});
            assertThat(tunnel.getInputStream().readNBytes(4)).containsExactly(0, 1, 2, (byte) 255);
        }
    }

    private static String vma(StandInDesktop desktop, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desktop.vmaPort() + pathAndQuery))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = socket.getInputStream().read();
                c != '\n' && c >= 0;
                c = socket.getInputStream().read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
