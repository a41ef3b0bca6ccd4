package org.qvd.guest.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lines a growing file gets while a benchmark runs, each stamped with the wall-clock time it was first seen
 * (polled every 50 ms): a guest's serial console and the client's output carry no usable clock of their own (the
 * kernel counts from its boot, the client prints none). Only what is appended after the start counts: libvirt appends
 * every boot of a VM to the same console log. A file that does not exist yet is read from its creation.
 */
final class StampedLines implements AutoCloseable {

    /** One line and when it appeared. */
    record Line(Instant at, String text) {}

    private final Path file;
    private final List<Line> lines = new ArrayList<>();
    private final Thread poller;
    private volatile boolean stopped;
    private long position;
    private final StringBuilder partial = new StringBuilder();

    private StampedLines(Path file) {
        this.file = file;
        this.position = sizeOf(file);
        this.poller = new Thread(this::poll, "stamp-" + file.getFileName());
        poller.setDaemon(true);
    }

    static StampedLines follow(Path file) {
        StampedLines s = new StampedLines(file);
        s.poller.start();
        return s;
    }

    /** The first line matching {@code regex} (found anywhere in the line), if one appeared. */
    synchronized Optional<Line> first(String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().filter(l -> p.matcher(l.text()).find()).findFirst();
    }

    /** Every line matching {@code regex} (found anywhere in the line), in the order they appeared. */
    synchronized java.util.List<Line> all(String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().filter(l -> p.matcher(l.text()).find()).toList();
    }

    /** The first line that appeared at all (the guest's firmware or kernel speaking). */
    synchronized Optional<Line> firstLine() {
        return lines.stream().filter(l -> !l.text().isBlank()).findFirst();
    }

    private void poll() {
        while (!stopped) {
            readNew();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        readNew();
    }

    private void readNew() {
        if (!Files.isReadable(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size < position) {
                position = 0; // rotated or recreated
            }
            if (size == position) {
                return;
            }
            in.seek(position);
            byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
            in.readFully(bytes);
            position += bytes.length;
            Instant now = Instant.now();
            partial.append(new String(bytes, StandardCharsets.UTF_8));
            int nl;
            synchronized (this) {
                while ((nl = partial.indexOf("\n")) >= 0) {
                    lines.add(new Line(now, partial.substring(0, nl).replaceAll("\u001B\\[[0-9;]*m", "")));
                    partial.delete(0, nl + 1);
                }
            }
        } catch (IOException e) {
            // unreadable for a moment (being recreated): try again at the next poll
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        stopped = true;
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readNew();
    }
}
