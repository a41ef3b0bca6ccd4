package org.qvd.vma.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.qvd.protocol.vma.VmaPorts;

/**
 * The VMA's typed configuration. Sources, later ones win: defaults, the properties file named by
 * {@code -Dvma.config}, then {@code -Dkey=value} system properties. See docs/vma.md for every key.
 *
 * @param localMode test-only: run nxagent as the current user, skip useradd, mkfs and mount
 * @param key the VMA key callers must present (tests on a host); empty: read the firmware's OEM strings
 * @param vncViewerDisplay the in-VM viewer's display for {@code vnc_start desktop} (default: nxagent's + 1)
 * @param vncFirstPort the first port {@code vnc_start} tries
 * @param vncIdleSeconds how long a started VNC server waits for its one connection
 * @param vncXterm the program of the notice a watched user sees
 * @param vncViewConfirm,vncAssistConfirm whether View / Assist wait for the user's consent
 * @param vncConfirmSeconds how long the consent popup waits
 */
public record VmaConfig(
        String httpBind,
        int httpPort,
        int nxDisplay,
        int nxPort,
        boolean nxLoopback,
        String nxAgentBinary,
        Path runDir,
        boolean localMode,
        Path localHome,
        Path homeDevice,
        Path homeMount,
        List<String> sessionCommand,
        List<String> poweroffCommand,
        String userShell,
        int stopTimeoutSeconds,
        String key,
        String vncX11vnc,
        String vncXvfb,
        String vncNxproxy,
        int vncViewerDisplay,
        int vncFirstPort,
        int vncIdleSeconds,
        String vncXterm,
        boolean vncViewConfirm,
        boolean vncAssistConfirm,
        int vncConfirmSeconds) {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("vma.http.bind", "0.0.0.0");
        d.put("vma.http.port", Integer.toString(VmaPorts.HTTP));
        d.put("vma.nx.display", Integer.toString(VmaPorts.NX_DISPLAY));
        d.put("vma.nx.port", Integer.toString(VmaPorts.NX));
        d.put("vma.nx.loopback", "false");
        d.put("vma.nx.agent", "/usr/bin/nxagent");
        d.put("vma.run.dir", "/run/qvd");
        d.put("vma.local-mode", "false");
        d.put("vma.local.home", "");
        d.put("vma.home.device", "/dev/vdb");
        d.put("vma.home.mount", "/home");
        d.put("vma.session.command", "/usr/local/bin/qvd-xsession");
        d.put("vma.poweroff.command", "systemctl poweroff");
        d.put("vma.user.shell", "/bin/bash");
        d.put("vma.stop.timeout.seconds", "20");
        d.put("vma.key", "");
        d.put("vma.vnc.x11vnc", "/usr/bin/x11vnc");
        d.put("vma.vnc.xvfb", "/usr/bin/Xvfb");
        d.put("vma.vnc.nxproxy", "/usr/bin/nxproxy");
        d.put("vma.vnc.viewer.display", ""); // nxagent's display + 1
        d.put("vma.vnc.port", "5900");
        d.put("vma.vnc.idle.seconds", "30");
        d.put("vma.vnc.xterm", "/usr/bin/xterm"); // the watched user's notice (docs/browser.md)
        d.put("vma.vnc.view.confirm", "false");
        d.put("vma.vnc.assist.confirm", "false");
        d.put("vma.vnc.confirm.seconds", "30");
        return Map.copyOf(d);
    }

    /** Loads the configuration from the file in {@code -Dvma.config} (if any) and system properties. */
    public static VmaConfig load() throws IOException {
        Properties merged = new Properties();
        merged.putAll(DEFAULTS);
        String file = System.getProperty("vma.config");
        if (file != null && Files.isReadable(Path.of(file))) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                merged.load(in);
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("vma.")) {
                merged.setProperty(key, System.getProperty(key));
            }
        }
        return from(merged);
    }

    public static VmaConfig from(Properties p) {
        Path runDir = Path.of(get(p, "vma.run.dir"));
        String localHome = get(p, "vma.local.home");
        int nxDisplay = Integer.parseInt(get(p, "vma.nx.display"));
        String viewerDisplay = get(p, "vma.vnc.viewer.display");
        return new VmaConfig(
                get(p, "vma.http.bind"),
                Integer.parseInt(get(p, "vma.http.port")),
                nxDisplay,
                Integer.parseInt(get(p, "vma.nx.port")),
                Boolean.parseBoolean(get(p, "vma.nx.loopback")),
                get(p, "vma.nx.agent"),
                runDir,
                Boolean.parseBoolean(get(p, "vma.local-mode")),
                localHome.isBlank() ? runDir.resolve("home") : Path.of(localHome),
                Path.of(get(p, "vma.home.device")),
                Path.of(get(p, "vma.home.mount")),
                words(get(p, "vma.session.command")),
                words(get(p, "vma.poweroff.command")),
                get(p, "vma.user.shell"),
                Integer.parseInt(get(p, "vma.stop.timeout.seconds")),
                get(p, "vma.key"),
                get(p, "vma.vnc.x11vnc"),
                get(p, "vma.vnc.xvfb"),
                get(p, "vma.vnc.nxproxy"),
                viewerDisplay.isBlank() ? nxDisplay + 1 : Integer.parseInt(viewerDisplay),
                Integer.parseInt(get(p, "vma.vnc.port")),
                Integer.parseInt(get(p, "vma.vnc.idle.seconds")),
                get(p, "vma.vnc.xterm"),
                Boolean.parseBoolean(get(p, "vma.vnc.view.confirm")),
                Boolean.parseBoolean(get(p, "vma.vnc.assist.confirm")),
                Integer.parseInt(get(p, "vma.vnc.confirm.seconds")));
    }

    private static String get(Properties p, String key) {
        return p.getProperty(key, DEFAULTS.getOrDefault(key, "")).trim();
    }

    /** Admin-configured commands are split on blanks into an argument list; no shell ever sees them. */
    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "VmaConfig[http=" + httpBind + ":" + httpPort + ", nx=:" + nxDisplay + "/" + nxPort
                + (nxLoopback ? " loopback" : "") + ", agent=" + nxAgentBinary + ", runDir=" + runDir + ", localMode="
                + localMode
                + ", home=" + homeDevice + " on " + homeMount + ", session=" + sessionCommand + ", poweroff="
                + poweroffCommand + ", key=" + (key.isEmpty() ? "(from firmware)" : "(configured)") + "]";
    }

    /** The session's files (options, Xauthority, logs) live here. */
    public Path sessionDir() {
        return runDir.resolve("session");
    }
}
