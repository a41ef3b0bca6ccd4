package org.qvd.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.OidcSetup;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.RequiredResource;
import org.qvd.testsupport.StartedOnce;
import org.qvd.testsupport.SystemUnderTest;
import org.qvd.testsupport.net.TestPorts;

/**
 * Starts, once per run and side by side, Keycloak with the test realm and the system as {@code ./qvd run} starts it;
 * then connects them exactly as an operator would: the provider's values as server system properties, then
 * {@code qvd-wildfly/src/main/cli/oidc.cli} through jboss-cli (which deploys qvd-sso.war). Prints how long each took.
 * Ports: the system at offset {@code qvd.identity.port.offset} (800), Keycloak at 30000 + that offset (and + 1: {@link TestPorts}).
 */
public final class IdentityTier extends StartedOnce<IdentityTier.Running> {

    static final int PORT_OFFSET = Integer.getInteger("qvd.identity.port.offset", 800);
    static final String SUPERADMIN_PASSWORD = "Identity-Test-Superadmin-1";

    /** The started tier. */
    public record Running(QvdSystem system, Keycloak keycloak) implements AutoCloseable {
        @Override
        public void close() {
            try (system;
                    keycloak) {
                // both stop, the system first
            }
        }
    }

    public IdentityTier() {
        super(Running.class, Per.RUN);
    }

    @Override
    protected void checkPresent() {
        RequiredResource.present(
                Keycloak.javaHome().isPresent(), "Keycloak 26 needs a JDK 21 or newer in /usr/lib/jvm");
        RequiredResource.executable(Path.of("/usr/bin/chromium"), "chromium");
    }

    @Override
    protected Running start(Class<?> testClass) {
        long t0 = System.nanoTime();
        Path keycloakHome = Path.of(System.getProperty("qvd.keycloak.home", "target/keycloak"));
        CompletableFuture<Keycloak> keycloak = CompletableFuture.supplyAsync(() -> {
            try {
                Keycloak k = Keycloak.start(
                        keycloakHome,
                        Keycloak.javaHome().orElseThrow(),
                        TestPorts.handOpened(PORT_OFFSET, 0),
                        Duration.ofMinutes(10));
                System.out.printf("FIGURE keycloak-start %.1f s%n", (System.nanoTime() - t0) / 1e9);
                return k;
            } catch (IOException e) {
                throw new IllegalStateException("Keycloak did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        QvdSystem system = null;
        try {
            system = QvdSystem.start(config());
            System.out.printf("FIGURE system-start %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Keycloak provider = keycloak.get(11, TimeUnit.MINUTES);
            connect(system, provider);
            System.out.printf("FIGURE identity-tier-ready %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return new Running(system, provider);
        } catch (Exception e) {
            if (system != null) {
                system.close();
            }
            try {
                keycloak.get(8, TimeUnit.MINUTES).close();
            } catch (Exception notStarted) {
                // it failed itself; its process is gone (or stopped by the shutdown hook)
            }
            throw new IllegalStateException("the identity tier did not start: " + e.getMessage(), e);
        }
    }

    private static LauncherConfig config() {
        Path home = Path.of(System.getProperty("qvd.system.home", "target/qvd-home"))
                .toAbsolutePath();
        Path images = Path.of(System.getProperty("qvd.system.images", "target/qvd-images"))
                .toAbsolutePath();
        return LauncherConfig.fromEnvironment(new SystemUnderTest(
                        Path.of(System.getProperty("qvd.source.root", "..")),
                        SystemUnderTest.emptied(home),
                        PORT_OFFSET,
                        SUPERADMIN_PASSWORD,
                        images,
                        false,
                        "identity-node")
                .environment(Map.of()));
    }

    /**
     * The operator's step, through the run command's own code: the provider's values as {@code ./qvd run} takes them
     * from its environment, then oidc.cli (provider, secure deployment, qvd-sso.war).
     */
    private static void connect(QvdSystem system, Keycloak keycloak) {
        OidcSetup.fromEnvironment(Map.of(
                        "QVD_OIDC_PROVIDER_URL", keycloak.issuer(),
                        "QVD_OIDC_CLIENT_ID", Keycloak.CLIENT_ID,
                        "QVD_OIDC_CLIENT_SECRET", Keycloak.CLIENT_SECRET))
                .orElseThrow()
                .apply(system);
    }
}
