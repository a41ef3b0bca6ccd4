package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qvd.client.session.entity.ConnectSettings;
import org.qvd.client.session.entity.Link;

class L7rRequestsTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void listOfVmIsSpelledLikeTheLegacyPerlClient() {
        byte[] request = L7rRequests.basic("alice", "s3cr:t".toCharArray()).listOfVm();

        assertThat(text(request))
                .isEqualTo("GET /qvd/list_of_vm? HTTP/1.1\r\n"
                        + "Authorization: Basic YWxpY2U6czNjcjp0\r\n"
                        + "Accept: application/json\r\n"
                        + "User-Agent: QVD-Client-Java/0.1.0 (linux)\r\n"
                        + "\r\n");
    }

    @Test
    void listOfVmSendsNoHostHeaderAndOnlyAsciiBytes() {
        byte[] request =
                L7rRequests.basic("jörg@acme", "pässword".toCharArray()).listOfVm();

        assertThat(text(request)).doesNotContain("Host:").doesNotContain("Connection:");
        for (byte b : request) {
            assertThat(b & 0xff).isLessThan(0x80);
        }
    }

    @Test
    void connectToVmCarriesUpgradeHeadersAndEncodedParametersInAFixedOrder() {
        ConnectSettings settings =
                new ConnectSettings("1280x800", Link.ADSL, "pc105/es", false, "0123456789abcdef0123456789abcdef");
        byte[] request =
                L7rRequests.basic("alice@acme", "s3cr:t".toCharArray()).connectToVm(settings.queryParameters(7));

        assertThat(text(request))
                .isEqualTo("GET /qvd/connect_to_vm?id=7&qvd.client.os=linux"
                        + "&qvd.client.geometry=1280x800&qvd.client.link=adsl&qvd.client.keyboard=pc105%2Fes"
                        + "&qvd.client.fullscreen=0&qvd.client.nx.cookie=0123456789abcdef0123456789abcdef HTTP/1.1\r\n"
                        + "Authorization: Basic YWxpY2VAYWNtZTpzM2NyOnQ=\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Upgrade: QVD/1.0\r\n"
                        + "User-Agent: QVD-Client-Java/0.1.0 (linux)\r\n"
                        + "\r\n");
    }

    @Test
    void connectToVmWithoutCookieSendsOnlyTheLegacyParameters() {
        ConnectSettings settings = new ConnectSettings("1024x768", Link.LAN, "pc105/us", true, null);
        String request = text(L7rRequests.basic("bob", "pw".toCharArray()).connectToVm(settings.queryParameters(12)));

        assertThat(request)
                .startsWith("GET /qvd/connect_to_vm?id=12&qvd.client.os=linux&qvd.client.geometry=1024x768"
                        + "&qvd.client.link=lan&qvd.client.keyboard=pc105%2Fus&qvd.client.fullscreen=1 HTTP/1.1\r\n");
    }

    @Test
    void stopVmUsesTheUpgradeHeadersAsTheLegacyGuiDoes() {
        String request = text(L7rRequests.basic("bob", "pw".toCharArray()).stopVm(3));

        assertThat(request)
                .isEqualTo("GET /qvd/stop_vm?id=3 HTTP/1.1\r\n"
                        + "Authorization: Basic Ym9iOnB3\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Upgrade: QVD/1.0\r\n"
                        + "User-Agent: QVD-Client-Java/0.1.0 (linux)\r\n"
                        + "\r\n");
    }

    @Test
    void bearerTokenIsBase64EncodedAsTheLegacyCliDoes() {
        String request = text(L7rRequests.bearer("tok-123").listOfVm());

        assertThat(request).contains("\r\nAuthorization: Bearer dG9rLTEyMw==\r\n");
    }
}
