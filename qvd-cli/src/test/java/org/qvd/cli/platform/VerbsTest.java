package org.qvd.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each object offers the verbs docs/cli.md lists, and the shared ones reach the API of their own object. */
class VerbsTest {

    @TempDir
    Path home;

    @Test
    void everyObjectHasTheVerbsItDocuments() {
        CommandLine cli = QvdAdmin.commandLine(new QvdAdmin(Map.of(), home));
        Map<String, List<String>> documented = Map.of(
                "tenant", List.of("list", "add", "set", "del", "block", "unblock"),
                "user", List.of("list", "add", "set", "del", "block", "unblock", "passwd"),
                "admin", List.of("list", "add", "set", "del", "block", "unblock", "passwd", "assign", "unassign"),
                "role",
                        List.of(
                                "list",
                                "acls",
                                "add",
                                "set",
                                "del",
                                "grant",
                                "deny",
                                "forget",
                                "inherit",
                                "disinherit"),
                "vm", List.of("list", "add", "set", "del", "start", "stop", "block", "unblock", "disconnect", "expire"),
                "host", List.of("list", "add", "set", "del", "block", "unblock", "stop"),
                "osf", List.of("list", "add", "set", "del"),
                "di", List.of("list", "add", "staged", "del", "block", "unblock", "tag", "untag"),
                "sso", List.of("list", "add", "del"));
        documented.forEach((object, verbs) -> assertThat(
                        cli.getSubcommands().get(object).getSubcommands().keySet().stream()
                                .filter(name -> !"delete".equals(name))
                                .toList())
                .as(object)
                .containsExactlyInAnyOrderElementsOf(verbs));
    }

    private final StringWriter err = new StringWriter();

    /** The CLI as an administrator with these settings runs it, its errors in {@link #err}. */
    private CommandLine cli(String... env) {
        Map<String, String> settings =
                new java.util.HashMap<>(Map.of("QVD_ADMIN_LOGIN", "ops@acme", "QVD_ADMIN_PASSWORD", "pw"));
        for (int i = 0; i < env.length; i += 2) {
            settings.put(env[i], env[i + 1]);
        }
        CommandLine cli = QvdAdmin.commandLine(new QvdAdmin(settings, home));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    @Test
    void aSharedVerbCallsTheApiOfItsObject() {
        CommandLine cli = cli("QVD_API_URL", "https://127.0.0.1:1/api");
        assertThat(cli.execute("host", "block", "id=7")).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(err.toString()).contains("cannot reach https://127.0.0.1:1/api/v1");
        assertThat(cli.execute("osf", "block", "id=7"))
                .as("osfs cannot be blocked")
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.execute("user", "passwd"))
                .as("a verb on everything needs a filter")
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void refusesToTrustAnyCertificate() {
        assertThat(cli("QVD_INSECURE", "1").execute("tenant", "list")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--ca-file").contains("[cli.insecure]");
    }
}
