package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryEncoderTest {

    @Test
    void keepsOnlyUnreservedCharactersLiteralLikeUriEscape() {
        assertThat(QueryEncoder.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(QueryEncoder.encode("pc105/es")).isEqualTo("pc105%2Fes");
        assertThat(QueryEncoder.encode("/tmp/a b.txt")).isEqualTo("%2Ftmp%2Fa%20b.txt");
        assertThat(QueryEncoder.encode("a+b=c&d*")).isEqualTo("a%2Bb%3Dc%26d%2A");
    }

    @Test
    void encodesNonAsciiAsUtf8Bytes() {
        assertThat(QueryEncoder.encode("ñ€")).isEqualTo("%C3%B1%E2%82%AC");
    }

    @Test
    void sendsEmptyValuesAsKeyEquals() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("id", "7");
        params.put("qvd.client.fullscreen", "");
        params.put("qvd.client.nxagent.extra_args", null);

        assertThat(QueryEncoder.query(params)).isEqualTo("id=7&qvd.client.fullscreen=&qvd.client.nxagent.extra_args=");
    }
}
