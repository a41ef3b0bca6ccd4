package org.qvd.client.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qvd.client.platform.ScriptedConsole;
import org.qvd.client.standin.EchoViewer;

/** Option checks that end before any connection is made. */
class ClientMainTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--host h --user u --link satellite|link must be one of",
                "--host h --user u --geometry big|geometry must be WxH",
                "--host h --user u --keyboard pc105/es;rm|keyboard must look like",
                "--host h:http --user u|bad port",
                "--user u --list|Missing required options --host and --user",
                "--host h --user u --vm seven|Invalid value",
            })
    void refusesBadOptionsWithTheUsageExitCode(String args, String message) {
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = ClientMain.run(args.split(" "), console, Map.of("QVD_PASSWORD", "x"), o -> new EchoViewer("x"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains(message));
    }
}
