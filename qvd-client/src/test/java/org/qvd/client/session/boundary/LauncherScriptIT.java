package org.qvd.client.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.client.standin.StandInL7r;
import org.qvd.client.standin.TestCertificate;

/** The packaged launcher script and shaded jar (target/dist), run as a user would, against a stand-in L7R. */
class LauncherScriptIT {

    private static final Path LAUNCHER = Path.of("target", "dist", "qvd-client");

    @TempDir
    Path dir;

    private record Outcome(int exit, String output) {}

    private Outcome launch(List<String> args) throws IOException, InterruptedException {
        List<String> command =
                new java.util.ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QVD_PASSWORD", "pw");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void theLauncherRunsTheShadedJarAndListsVms() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).as("run mvn package first").isTrue();
        TestCertificate cert = TestCertificate.create(dir, "qvd-test-server");
        try (StandInL7r l7r = new StandInL7r(cert, "bob@acme", "pw")
                .vms("[{\"id\":11,\"name\":\"office\",\"state\":\"running\",\"blocked\":0}]")) {

            Outcome outcome = launch(List.of(
                    "--host",
                    "127.0.0.1:" + l7r.port(),
                    "--user",
                    "bob@acme",
                    "--list",
                    "--ca-file",
                    cert.pem().toString()));

            assertThat(outcome.exit()).as(outcome.output()).isZero();
            assertThat(outcome.output()).contains("office").contains("running");
        }
    }

    @Test
    void theLauncherPassesTheExitCodeThrough() throws Exception {
        Outcome outcome = launch(List.of("--host", "127.0.0.1:1", "--user", "bob", "--list"));

        assertThat(outcome.exit()).isEqualTo(9);
        assertThat(outcome.output()).contains("Cannot connect to 127.0.0.1:1");
    }
}
