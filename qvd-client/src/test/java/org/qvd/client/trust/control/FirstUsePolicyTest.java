package org.qvd.client.trust.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.client.platform.ScriptedConsole;
import org.qvd.client.trust.entity.Fingerprint;
import org.qvd.client.trust.entity.ServerAddress;

class FirstUsePolicyTest {

    private static final ServerAddress SERVER = new ServerAddress("qvd.example.com", 8443);
    private static final Fingerprint FIRST = Fingerprint.parse("SHA256:" + "ab".repeat(32));
    private static final Fingerprint OTHER = Fingerprint.parse("cd".repeat(32));

    @TempDir
    Path dir;

    private KnownServers store() {
        return new KnownServers(dir.resolve("qvd-client").resolve("known_servers"));
    }

    @Test
    void firstUseShowsTheFingerprintAndStoresItWhenAcceptNewIsGiven() throws Exception {
        ScriptedConsole console = new ScriptedConsole(false);

        new FirstUsePolicy(store(), console, true).verify(SERVER, FIRST);

        assertThat(console.all()).contains(FIRST.display());
        Path file = store().file();
        assertThat(Files.readString(file)).isEqualTo("qvd.example.com:8443 " + FIRST.display() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(store().lookup(SERVER)).contains(FIRST);
    }

    @Test
    void firstUseAsksAnInteractiveUserAndStoresOnYes() throws Exception {
        ScriptedConsole console = new ScriptedConsole(true, "yes");

        new FirstUsePolicy(store(), console, false).verify(SERVER, FIRST);

        assertThat(store().lookup(SERVER)).contains(FIRST);
    }

    @Test
    void firstUseRefusedByTheUserStoresNothing() {
        ScriptedConsole console = new ScriptedConsole(true, "no");

        assertThatThrownBy(() -> new FirstUsePolicy(store(), console, false).verify(SERVER, FIRST))
                .isInstanceOf(ServerTrustRefusedException.class)
                .hasMessageContaining("did not accept");
        assertThat(store().lookup(SERVER)).isEmpty();
    }

    @Test
    void unknownServerWithoutATerminalIsRefusedUnlessAcceptNew() {
        assertThatThrownBy(() -> new FirstUsePolicy(store(), new ScriptedConsole(false), false).verify(SERVER, FIRST))
                .isInstanceOf(ServerTrustRefusedException.class)
                .hasMessageContaining("--accept-new-server");
        assertThat(store().lookup(SERVER)).isEmpty();
    }

    @Test
    void sameCertificateLaterIsAcceptedSilently() throws Exception {
        store().remember(SERVER, FIRST);
        ScriptedConsole console = new ScriptedConsole(false);

        new FirstUsePolicy(store(), console, false).verify(SERVER, FIRST);

        assertThat(console.infos()).isEmpty();
    }

    @Test
    void changedCertificateIsRefusedEvenWithAcceptNewAndNamesTheLineToRemove() throws Exception {
        store().remember(new ServerAddress("other", 8443), OTHER);
        store().remember(SERVER, FIRST);

        assertThatThrownBy(
                        () -> new FirstUsePolicy(store(), new ScriptedConsole(true, "yes"), true).verify(SERVER, OTHER))
                .isInstanceOf(ServerTrustRefusedException.class)
                .hasMessageContaining("HAS CHANGED")
                .hasMessageContaining(FIRST.display())
                .hasMessageContaining(OTHER.display())
                .hasMessageContaining("delete line 2 of " + store().file());
        assertThat(store().lookup(SERVER)).contains(FIRST);
    }

    @Test
    void entriesArePerHostAndPort() throws Exception {
        store().remember(SERVER, FIRST);

        assertThat(store().lookup(new ServerAddress("qvd.example.com", 9443))).isEmpty();
        assertThatThrownBy(() -> new FirstUsePolicy(store(), new ScriptedConsole(false), false)
                        .verify(new ServerAddress("qvd.example.com", 9443), FIRST))
                .isInstanceOf(ServerTrustRefusedException.class);
    }

    @Test
    void ignoresCommentsAndBlankLines() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "# pinned by hand\n\nqvd.example.com:8443 " + FIRST.display() + "\n");

        assertThat(store().lookup(SERVER)).contains(FIRST);
    }
}
