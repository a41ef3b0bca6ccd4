package org.qvd.guest.desktop;

import java.net.ServerSocket;
import java.time.Duration;
import org.qvd.guest.platform.ClientProcess;
import org.qvd.guest.platform.XDisplay;

/** The guest tier's checks of an NX client's desktop ({@link GuestAcceptanceIT}'s), for the tests of other packages. */
public final class NxChecks {
    private NxChecks() {}

    /** The client's display shows a desktop (many colours) within the time; a screenshot is kept. */
    public static void awaitDesktop(XDisplay display, ClientProcess client, String screenshot, Duration timeout)
            throws Exception {
        GuestAcceptanceIT.awaitDesktop(display, client, screenshot, timeout);
    }

    /** Clicks into the session's terminal on the client's display and types the command. */
    public static void typeIntoTheTerminal(XDisplay display, String command) throws Exception {
        GuestAcceptanceIT.typeIntoTheTerminal(display, command);
    }

    /** The next line a command in the VM sent back to the test. */
    public static String line(ServerSocket server) throws Exception {
        return GuestAcceptanceIT.line(server);
    }

    /** Waits until the VM's agent reports this X state. */
    public static void awaitXState(long vm, String ip, String wanted) throws Exception {
        GuestAcceptanceIT.awaitXState(vm, ip, wanted);
    }
}
