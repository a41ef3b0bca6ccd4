package org.qvd.cli.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the server is and who calls it. Precedence: command-line options, then the environment
 * ({@code QVD_API_URL}, {@code QVD_ADMIN_LOGIN}, {@code QVD_ADMIN_PASSWORD}, {@code QVD_ADMIN_TOKEN},
 * {@code QVD_CA_FILE}, {@code QVD_INSECURE}), then the config file ({@code ~/.config/qvd/admin.conf}
 * or {@code QVD_ADMIN_CONFIG}: keys url, login, password, token, ca-file, insecure). Without a CA file, the
 * installation CA ({@code QVD_HOME/tls/ca.pem}) is trusted when it exists, else the JVM's trust store;
 * {@code insecure} is refused (no certificate is ever trusted blindly).
 */
public record Settings(String url, String login, String password, String token, Path caFile, boolean insecure) {

    public static final String DEFAULT_URL = "https://localhost:9443/api";

    /** Options as given on the command line (null = not given). */
    public record Overrides(
            String url, String login, String password, String token, Path caFile, Boolean insecure, Path configFile) {}

    public static Settings resolve(Overrides cli, Map<String, String> env, Path home) {
        Path file = cli.configFile() != null
                ? cli.configFile()
                : env.containsKey("QVD_ADMIN_CONFIG")
                        ? Path.of(env.get("QVD_ADMIN_CONFIG"))
                        : home.resolve(".config/qvd/admin.conf");
        Properties conf = load(file, cli.configFile() != null || env.containsKey("QVD_ADMIN_CONFIG"));
        String url = pick(cli.url(), env.get("QVD_API_URL"), conf.getProperty("url"), DEFAULT_URL);
        String login = pick(cli.login(), env.get("QVD_ADMIN_LOGIN"), conf.getProperty("login"), null);
        String password = pick(cli.password(), env.get("QVD_ADMIN_PASSWORD"), conf.getProperty("password"), null);
        String token = pick(cli.token(), env.get("QVD_ADMIN_TOKEN"), conf.getProperty("token"), null);
        String ca = pick(
                cli.caFile() == null ? null : cli.caFile().toString(),
                env.get("QVD_CA_FILE"),
                conf.getProperty("ca-file"),
                installationCa(env));
        String insecure = pick(
                cli.insecure() == null ? null : cli.insecure().toString(),
                env.get("QVD_INSECURE"),
                conf.getProperty("insecure"),
                "false");
        return new Settings(
                apiBase(url),
                login,
                password,
                token,
                ca == null ? null : Path.of(ca),
                Boolean.parseBoolean(insecure.trim()) || "1".equals(insecure.trim()));
    }

    /** The installation CA that signs the server's certificate ({@code QVD_HOME/tls/ca.pem}), when this is the server. */
    private static String installationCa(Map<String, String> env) {
        String home = env.get("QVD_HOME");
        Path ca = home == null || home.isBlank() ? null : Path.of(home, "tls", "ca.pem");
        return ca != null && Files.isRegularFile(ca) ? ca.toString() : null;
    }

    /** {@code https://host:9443/api} or {@code .../api/v1} both mean the v1 API. */
    static String apiBase(String url) {
        String u = url.strip().replaceAll("/+$", "");
        return u.endsWith("/v1") ? u : u + "/v1";
    }

    private static String pick(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static Properties load(Path file, boolean required) {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new CliException(ExitCode.USAGE, "cli.config", "config file " + file + " not found");
            }
            return p;
        }
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return p;
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cli.config", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
