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
                System.getProperty("vma.vnc.x11vnc", "/usr/bin/x11vnc"),
                System.getProperty("vma.vnc.xvfb", "/usr/bin/Xvfb"),
                System.getProperty("vma.vnc.nxproxy", "/usr/bin/nxproxy"),
                Integer.getInteger("vma.vnc.viewer.display", config.nxDisplay() + 1),
                config.nxPort(),
                config.runDir().resolve("vnc"),
                Integer.getInteger("vma.vnc.port", 5900),
                Integer.getInteger("vma.vnc.idle.seconds", 30));
    }
}
