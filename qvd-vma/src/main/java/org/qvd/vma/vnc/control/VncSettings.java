package org.qvd.vma.vnc.control;

import java.nio.file.Path;
import org.qvd.vma.platform.VmaConfig;

/**
 * Where the VNC pieces are and how long they wait: the Debian image's binaries, the viewer's display (next to
 * nxagent's), a working directory under the VMA's run directory.
 *
 * @param idleSeconds how long a started VNC server waits for its one connection before it exits
 * @param xterm the program that shows the user the notice that an administrator watches (docs/browser.md)
 * @param viewConfirm whether the user must accept an administrator's View first ({@code vma.vnc.view.confirm})
 * @param assistConfirm whether the user must accept an administrator's Assist first ({@code vma.vnc.assist.confirm})
 * @param confirmSeconds how long the user has to answer; no answer refuses
 */
public record VncSettings(
        String x11vnc,
        String xvfb,
        String nxproxy,
        int viewerDisplay,
        int nxPort,
        Path workDir,
        int firstPort,
        int idleSeconds,
        String xterm,
        boolean viewConfirm,
        boolean assistConfirm,
        int confirmSeconds) {

    public static VncSettings of(VmaConfig config) {
        return new VncSettings(
                config.vncX11vnc(),
                config.vncXvfb(),
                config.vncNxproxy(),
                config.vncViewerDisplay(),
                config.nxPort(),
                config.runDir().resolve("vnc"),
                config.vncFirstPort(),
                config.vncIdleSeconds(),
                config.vncXterm(),
                config.vncViewConfirm(),
                config.vncAssistConfirm(),
                config.vncConfirmSeconds());
    }

    /** Whether an administrator's connection in this mode waits for the user's answer. */
    boolean confirms(VncMode mode) {
        return mode == VncMode.VIEW ? viewConfirm : mode == VncMode.ASSIST && assistConfirm;
    }
}
