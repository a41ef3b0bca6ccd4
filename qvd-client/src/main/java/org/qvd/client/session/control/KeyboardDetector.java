package org.qvd.client.session.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The keyboard as QVD names it ({@code pc105/<layout>}), from {@code setxkbmap -query} when X is there. */
public final class KeyboardDetector {

    public static final String FALLBACK = "pc105/us";
    private static final Pattern LAYOUT = Pattern.compile("(?m)^layout:\\s*([A-Za-z0-9_+-]+)");

    private KeyboardDetector() {}

    public static String detect() {
        try {
            Process query = new ProcessBuilder("setxkbmap", "-query")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!query.waitFor(3, TimeUnit.SECONDS) || query.exitValue() != 0) {
                return FALLBACK;
            }
            return fromQuery(output);
        } catch (IOException e) {
            return FALLBACK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FALLBACK;
        }
    }

    static String fromQuery(String output) {
        Matcher layout = LAYOUT.matcher(output);
        return layout.find() ? "pc105/" + layout.group(1) : FALLBACK;
    }
}
