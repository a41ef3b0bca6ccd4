package org.qvd.vma.vnc.control;

import java.nio.file.Path;
import org.qvd.vma.platform.VmaConfig;

/**
 * Where the VNC pieces are and how long they wait: the Debian image's binaries, the viewer's display (next to
 * nxagent's), a working directory under the VMA's run directory.
 *
 * @param idleSeconds how long a started VNC server waits for its one connection before it exits
 */
public record VncSettings(
        String x11vnc,
        String xvfb,
        String nxproxy,
        int viewerDisplay,
        int nxPort,
        Path workDir,
        int firstPort,
        int idleSeconds) {

    public static VncSettings of(VmaConfig config) {
        return new VncSettings(
                config.vncX11vnc(),
                config.vncXvfb(),
                config.vncNxproxy(),
                config.vncViewerDisplay(),
                config.nxPort(),
                config.runDir().resolve("vnc"),
                config.vncFirstPort(),
                config.vncIdleSeconds());
    }
}
