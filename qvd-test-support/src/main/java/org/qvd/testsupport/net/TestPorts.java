package org.qvd.testsupport.net;

/**
 * Fixed ports that a test opens by hand (a VNC server, a Keycloak), for the few programs that must be told their port
 * before they start; everything the test binds itself listens on port 0 instead.
 *
 * <p>They lie in 30000 + the tier's port offset .. +99: below Linux's ephemeral range (32768–60999), from which the
 * kernel picks the local port of every outgoing connection, so no client socket of the running system can hold one
 * when the test binds it (session 10's CI run lost a test to "Address already in use" on a port of the old 40000 block).
 */
public final class TestPorts {
    private static final int BASE = 30_000;

    private TestPorts() {}

    /** The {@code n}th (0–99) hand-opened port of the tier at {@code tierOffset}. */
    public static int handOpened(int tierOffset, int n) {
        if (n < 0 || n > 99) {
            throw new IllegalArgumentException("a tier has 100 hand-opened ports, not " + n);
        }
        return BASE + tierOffset + n;
    }
}
