package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qvd.client.platform.ClientException;
import org.qvd.client.session.entity.VmSummary;

class VmListParserTest {

    @Test
    void readsTheLegacyShapeWithNumericBlockedFlags() {
        byte[] body =
                "[{\"id\":7,\"name\":\"desk\",\"state\":\"stopped\",\"blocked\":0},{\"id\":8,\"name\":\"lab\",\"state\":\"running\",\"blocked\":1,\"is_application\":0}]"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(VmListParser.parse(body))
                .containsExactly(new VmSummary(7, "desk", "stopped", false), new VmSummary(8, "lab", "running", true));
    }

    @Test
    void acceptsBooleanBlockedFlags() {
        byte[] body =
                "[{\"id\":3,\"name\":\"x\",\"state\":\"running\",\"blocked\":true}]".getBytes(StandardCharsets.UTF_8);

        assertThat(VmListParser.parse(body)).containsExactly(new VmSummary(3, "x", "running", true));
    }

    @Test
    void refusesABodyThatIsNotAnArrayOfVms() {
        assertThatThrownBy(() -> VmListParser.parse("{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("not readable");
        assertThatThrownBy(() -> VmListParser.parse("[{\"name\":\"no id\"}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> VmListParser.parse(new byte[0])).isInstanceOf(ClientException.class);
    }
}
