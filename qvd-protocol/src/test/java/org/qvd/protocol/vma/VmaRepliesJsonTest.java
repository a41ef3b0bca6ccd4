package org.qvd.protocol.vma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.XState;

class VmaRepliesJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesXStateReplyWithLowerCaseState() throws Exception {
        String text = json.writeValueAsString(new XStateReply(XState.SUSPENDED, true));
        assertThat(text).isEqualTo("{\"state\":\"suspended\",\"resumed\":true}");
        assertThat(json.readValue(text, XStateReply.class)).isEqualTo(new XStateReply(XState.SUSPENDED, true));
    }

    @Test
    void roundTripsErrorWithParameterName() throws Exception {
        VmaError error = VmaError.invalidParameter(VmaParameters.GEOMETRY, "expected WxH");
        String text = json.writeValueAsString(error);
        assertThat(text).contains("\"error\":\"invalid_parameter\"", "\"parameter\":\"qvd.client.geometry\"");
        assertThat(json.readValue(text, VmaError.class)).isEqualTo(error);
    }

    @Test
    void roundTripsPing() throws Exception {
        PingReply ping = new PingReply("ok", "0.1.0", 12, 40000);
        assertThat(json.readValue(json.writeValueAsString(ping), PingReply.class))
                .isEqualTo(ping);
    }

    @Test
    void mapsMethodPathsBothWays() {
        for (VmaMethod method : VmaMethod.values()) {
            assertThat(VmaMethod.fromPath(method.path())).contains(method);
        }
        assertThat(VmaMethod.X_START.path()).isEqualTo("x_start");
        assertThat(VmaMethod.fromPath("X_START")).isEmpty();
    }
}
