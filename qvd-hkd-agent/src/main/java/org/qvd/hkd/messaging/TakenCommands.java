package org.qvd.hkd.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The commands this agent has taken, by type and correlation id, so that a copy is never executed twice. Copies come
 * from the broker delivering a command again when it has no record of the agent's acknowledgement (WildFly, with its
 * embedded broker, killed after the agent took the command), and from the VMAS itself, which sends a start again,
 * unchanged, when the host has not shown it has it — while the first one may still arrive, late, from a cluster node
 * that was down (docs/cluster.md). Executing a copy could start a VM that was stopped since, or purge a home created
 * since. The VMAS gives every command a fresh correlation id (a UUID), so a known one always means a copy.
 * <p>
 * Kept in a file of the agent's state directory as well as in memory, so that a copy arriving after the agent
 * restarted is recognised too (cluster tier, session 9: a start held toward a dead node, delivered once that node was
 * back, to an agent restarted meanwhile). An entry matters only until its command's deadline: past it, the agent
 * refuses any copy as expired anyway, so loading drops expired entries. Bounded (the oldest forgotten first): copies
 * come long before {@value #CAPACITY} newer commands have arrived. Without a usable file it works from memory alone.
 */
public final class TakenCommands {

    static final int CAPACITY = 10_000;

    private static final Logger LOG = Logger.getLogger(TakenCommands.class.getName());
    private static final String FILE_NAME = "taken-commands";

    private final Map<String, Instant> taken = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > capacity;
        }
    };

    private final Path file;
    private final Clock clock;
    private final int capacity;
    private int appended;

    private TakenCommands(Path file, Clock clock, int capacity) {
        this.file = file;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** In memory only (tests, and an agent without a state directory). */
    public static TakenCommands inMemory() {
        return new TakenCommands(null, Clock.systemUTC(), CAPACITY);
    }

    /** Kept in {@code dir} too: what an earlier run of the agent took and whose deadline has not passed is known. */
    public static TakenCommands keptIn(Path dir, Clock clock) {
        return keptIn(dir, clock, CAPACITY);
    }

    static TakenCommands keptIn(Path dir, Clock clock, int capacity) {
        TakenCommands commands = new TakenCommands(dir.resolve(FILE_NAME), clock, capacity);
        try {
            Files.createDirectories(dir);
            commands.load();
            commands.rewrite();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "commands taken are kept in memory only, " + dir + " is not usable: " + e);
            return new TakenCommands(null, clock, capacity);
        }
        return commands;
    }

    /**
     * Records the command; false when it was taken before (a copy). One without a deadline (an older sender, or a
     * test's) is remembered in memory only: nothing would ever let a later run forget it.
     */
    synchronized boolean take(String type, String correlationId, Instant deadline) {
        if (correlationId == null) {
            return true; // nothing to recognise it by
        }
        String key = type + ' ' + correlationId;
        if (taken.putIfAbsent(key, deadline == null ? Instant.MAX : deadline) != null) {
            return false;
        }
        if (deadline != null) {
            keep(key, deadline);
        }
        return true;
    }

    private void keep(String key, Instant until) {
        if (file == null) {
            return;
        }
        try {
            if (++appended > capacity) {
                rewrite(); // what memory still holds: the file stays within twice the capacity
            } else {
                // synced: the agent may be killed right after it acts on the command
                Files.writeString(
                        file,
                        line(key, until),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.DSYNC);
            }
        } catch (IOException e) {
            LOG.warning(() -> "cannot record a taken command in " + file + " (kept in memory): " + e.getMessage());
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Instant now = clock.instant();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ", 2); // "<deadline epoch ms> <type> <correlation id>"
            if (fields.length < 2 || !fields[0].matches("-?[0-9]{1,19}")) {
                continue; // a line cut short by a crash
            }
            Instant until = Instant.ofEpochMilli(Long.parseLong(fields[0]));
            if (until.isAfter(now)) {
                taken.put(fields[1], until);
            }
        }
    }

    private void rewrite() throws IOException {
        List<String> lines = new ArrayList<>(taken.size());
        taken.forEach((key, until) -> {
            if (!until.equals(Instant.MAX)) {
                lines.add(line(key, until).stripTrailing());
            }
        });
        Path next = file.resolveSibling(FILE_NAME + ".next");
        Files.write(next, lines, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        appended = 0;
    }

    private static String line(String key, Instant until) {
        return until.toEpochMilli() + " " + key + "\n";
    }
}
