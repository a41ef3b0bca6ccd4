package org.qvd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Administrators' single sign-on on a started system, as an operator sets it up (docs/identity.md): the provider's
 * values as server system properties, then {@code qvd-wildfly/src/main/cli/oidc.cli} through jboss-cli, which
 * configures WildFly's OIDC client and deploys qvd-sso.war. The run command copies the server's configuration fresh
 * at every start, so it applies this after every start when {@code QVD_OIDC_PROVIDER_URL} is set.
 *
 * @param providerUrl the provider's issuer, e.g. {@code https://idp.example.org/realms/acme}
 * @param clientId the confidential client registered for QVD at the provider
 * @param clientSecret its secret: written only to a script readable by the owner alone, deleted after use, never on
 *     a command line
 */
public record OidcSetup(String providerUrl, String clientId, String clientSecret) {

    /** SSO as the environment configures it: none without {@code QVD_OIDC_PROVIDER_URL}. */
    public static Optional<OidcSetup> fromEnvironment(Map<String, String> env) {
        String url = env.getOrDefault("QVD_OIDC_PROVIDER_URL", "").strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String secret = env.getOrDefault("QVD_OIDC_CLIENT_SECRET", "").strip();
        if (secret.isEmpty()) {
            throw new LauncherException("QVD_OIDC_PROVIDER_URL is set but QVD_OIDC_CLIENT_SECRET is not: the"
                    + " provider's confidential client for QVD needs its secret (docs/identity.md)");
        }
        return Optional.of(new OidcSetup(url, env.getOrDefault("QVD_OIDC_CLIENT_ID", "qvd"), secret));
    }

    /** Connects the running system to the provider and deploys qvd-sso.war (waits for jboss-cli's verdict). */
    public void apply(QvdSystem system) {
        LauncherConfig config = system.config();
        Path cli = config.sourceRoot().resolve("qvd-wildfly/src/main/cli/oidc.cli");
        Path war = config.sourceRoot().resolve("qvd-web-sso/target/qvd-sso.war");
        if (!Files.isRegularFile(war)) {
            throw new LauncherException("single sign-on is configured but " + war + " is missing (build: mvn package)");
        }
        Path script = null;
        try {
            script = Files.createTempFile(
                    config.home().resolve("tmp"),
                    "oidc-",
                    ".cli",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    script,
                    String.join(
                                    "\n",
                                    property("qvd.oidc.provider-url", providerUrl),
                                    property("qvd.oidc.client-id", clientId),
                                    property("qvd.oidc.client-secret", clientSecret),
                                    "")
                            + Files.readString(cli));
            Process p = new ProcessBuilder(List.of(
                            config.wildflyHome().resolve("bin/jboss-cli.sh").toString(),
                            "--connect",
                            "--controller=remote+http://127.0.0.1:" + system.managementPort(),
                            "-Dqvd.sso.war=" + war,
                            "--file=" + script))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new LauncherException(
                        "oidc.cli failed: " + out.replace(clientSecret, "***").strip());
            }
        } catch (IOException e) {
            throw new LauncherException("cannot apply oidc.cli: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while applying oidc.cli");
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException e) {
                    // in QVD_HOME/tmp, owner-only; removed with the next run's tmp at worst
                }
            }
        }
    }

    /** A system property whose value the CLI takes literally (quoted, quotes and backslashes escaped). */
    static String property(String name, String value) {
        return "/system-property=" + name + ":add(value=\""
                + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
    }

    @Override
    public String toString() {
        return "OidcSetup[" + providerUrl + ", " + clientId + "]"; // never the secret
    }
}
