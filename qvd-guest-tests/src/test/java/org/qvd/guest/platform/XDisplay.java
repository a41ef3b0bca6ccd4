package org.qvd.guest.platform;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** A virtual X display (Xvfb) for a client, with screenshots and synthetic input (xdotool). */
public final class XDisplay implements AutoCloseable {
    private final int number;
    private final Process xvfb;

    private XDisplay(int number, Process xvfb) {
        this.number = number;
        this.xvfb = xvfb;
    }

    public static XDisplay start(int from, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        int n = from;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
            n++;
        }
        // -noreset: a user's display always has clients (window manager, panel); this one has none but the test's
        // screenshots, and an X server resets whenever its last client leaves, dropping a connection that arrives
        // meanwhile, such as the one nxagent opens through the client's nxproxy
        Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
            if (System.nanoTime() > end || !p.isAlive()) {
                p.destroyForcibly();
                throw new AssertionError("Xvfb :" + n + " did not start; see " + log);
            }
            Thread.sleep(100);
        }
        return new XDisplay(n, p);
    }

    public String name() {
        return ":" + number;
    }

    public Map<String, String> env() {
        return Map.of("DISPLAY", name());
    }

    /** The whole screen as a PNG in {@code file}. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Processes.run(List.of("import", "-display", name(), "-window", "root", file.toString()));
        return file;
    }

    /** How many colours the screen shows: an empty Xvfb shows one, a desktop many. */
    public int colours(Path file) throws IOException {
        BufferedImage image = ImageIO.read(screenshot(file).toFile());
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Whether the screen is white-ish at (x, y): where the session's xterm (white background) has appeared. */
    public boolean brightAt(Path file, int x, int y) throws IOException {
        int rgb = ImageIO.read(screenshot(file).toFile()).getRGB(x, y);
        return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) > 200 && (rgb & 0xff) > 200;
    }

    public void click(int x, int y) {
        xdotool("mousemove", Integer.toString(x), Integer.toString(y), "click", "1");
    }

    public void type(String text) {
        xdotool("type", "--delay", "60", text);
    }

    public void key(String key) {
        xdotool("key", key);
    }

    /**
     * Gives this display the keyboard layout a client announces ({@code qvd.client.keyboard=pc105/es}): xdotool
     * types a character with the key this display's layout has for it, and nxagent reads that key with the layout
     * the client announced, so both must agree for the characters to arrive as typed.
     */
    public void keyboardLayout(String layout) {
        Processes.run(List.of("setxkbmap", "-display", name(), "-layout", layout));
    }

    private void xdotool(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("env", "DISPLAY=" + name(), "xdotool"));
        command.addAll(List.of(args));
        Processes.run(command);
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            xvfb.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
