package org.qvd.client.trust.control;

import java.util.Locale;
import java.util.Optional;
import org.qvd.client.platform.UserConsole;
import org.qvd.client.trust.entity.Fingerprint;
import org.qvd.client.trust.entity.ServerAddress;

/**
 * Trust on first use, as ssh does: an unknown server's fingerprint is shown and remembered (after the
 * user agrees, or at once with {@code acceptNew}); a known server must show the same certificate again.
 */
public final class FirstUsePolicy {

    private final KnownServers knownServers;
    private final UserConsole console;
    private final boolean acceptNew;

    public FirstUsePolicy(KnownServers knownServers, UserConsole console, boolean acceptNew) {
        this.knownServers = knownServers;
        this.console = console;
        this.acceptNew = acceptNew;
    }

    public void verify(ServerAddress server, Fingerprint presented) throws ServerTrustRefusedException {
        Optional<Fingerprint> known = knownServers.lookup(server);
        if (known.isPresent()) {
            if (!known.get().equals(presented)) {
                throw new ServerTrustRefusedException(changedMessage(server, known.get(), presented));
            }
            return;
        }
        console.info("The server " + server.key() + " is not known yet. Its certificate fingerprint is\n  "
                + presented.display());
        if (!acceptNew && !userAgrees()) {
            throw new ServerTrustRefusedException(
                    "The server " + server.key() + " is not trusted. "
                            + (console.interactive()
                                    ? "You did not accept its certificate."
                                    : "Run the client in a terminal to accept it, pass --accept-new-server, or give --ca-file."));
        }
        knownServers.remember(server, presented);
        console.info("Remembered it in " + knownServers.file() + ".");
    }

    private boolean userAgrees() {
        if (!console.interactive()) {
            return false;
        }
        String answer =
                console.ask("Compare it with the one your administrator gave you. Trust this server (yes/no)? ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }

    private String changedMessage(ServerAddress server, Fingerprint known, Fingerprint presented) {
        return "WARNING: THE CERTIFICATE OF " + server.key() + " HAS CHANGED!\n"
                + "Someone could be intercepting your connection, or the server got a new certificate.\n"
                + "Remembered: " + known.display() + "\n"
                + "Presented:  " + presented.display() + "\n"
                + "If your administrator confirms the new certificate, delete line " + knownServers.lineOf(server)
                + " of " + knownServers.file() + " and connect again. Refusing to connect.";
    }
}
