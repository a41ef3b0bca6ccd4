package org.qvd.fault.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.qvd.launcher.QvdSystem;

/**
 * A user's real NX session through the L7R: the real VMA and nxagent as the desktop's guest ({@link RealVmaDesktop}),
 * a real {@code nxproxy} on Xvfb as the client ({@link NxViewer}). {@link #changeShown} paints the desktop's background
 * and waits until the client's screen shows it: bytes went from the desktop through the L7R to what the user sees.
 */
public final class ConnectedSession implements AutoCloseable {

    /** The part of the 1024x768 screen a change must cover to count as shown (the nxagent window fills it). */
    private static final int SHOWN_PIXELS = 1024 * 768 / 2;

    private static final int[] COLOURS = {0x2e8b57, 0x4169e1, 0xb22222, 0xdaa520};

    private final RealVmaDesktop desktop;
    private final NxViewer viewer;
    private final long nxagent;
    private int changes;

    private ConnectedSession(QvdSystem system, RealVmaDesktop desktop, NxViewer viewer) throws Exception {
        this.desktop = desktop;
        this.viewer = viewer;
        viewer.attach(desktop.vm().connect(system), "session");
        desktop.awaitXState(Duration.ofSeconds(90), "connected");
        nxagent = desktop.nxagentPid().orElseThrow();
    }

    /** Connects a user to a new desktop of {@code system}; files under {@code dir}. */
    public static ConnectedSession open(QvdSystem system, Path dir) throws Exception {
        RealVmaDesktop desktop = new RealVmaDesktop(system, dir.resolve("vm"));
        NxViewer viewer = null;
        try {
            viewer = new NxViewer(dir.resolve("viewer"));
            return new ConnectedSession(system, desktop, viewer);
        } catch (Exception | AssertionError e) {
            if (viewer != null) {
                viewer.close();
            }
            desktop.close();
            throw e;
        }
    }

    public DesktopVm vm() {
        return desktop.vm();
    }

    /** Paints the desktop a new colour; returns how long the client's screen took to show it (fails after 15 s). */
    public Duration changeShown() throws Exception {
        int colour = COLOURS[changes++ % COLOURS.length];
        Instant painted = Instant.now();
        desktop.paintBackground(colour);
        await("the desktop's new background #" + Integer.toHexString(colour) + " on the client's screen")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> viewer.pixelsOf(colour) > SHOWN_PIXELS);
        return Duration.between(painted, Instant.now());
    }

    /** The session is still the one connected at the start: the same nxagent, {@code connected}, its client running. */
    public void stillTheSameConnectedSession() throws InterruptedException {
        assertThat(desktop.nxagentPid()).as("the same nxagent").hasValue(nxagent);
        assertThat(desktop.xState()).as("the VMA's x_state").isEqualTo("connected");
        assertThat(viewer.proxyRunning()).as("the client's nxproxy").isTrue();
    }

    @Override
    public void close() throws Exception {
        try {
            viewer.close();
        } finally {
            desktop.close();
        }
    }
}
