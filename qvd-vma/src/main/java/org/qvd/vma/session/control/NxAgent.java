package org.qvd.vma.session.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.state.XState;
import org.qvd.vma.platform.Commands;

/** One running nxagent: its process, a reader that turns its output into states, and signals. */
public final class NxAgent {
    private static final Logger LOG = Logger.getLogger(NxAgent.class.getName());
    /** At most this many of nxagent's lines are copied to the VMA's log per process (it can repeat warnings). */
    static final int ECHOED_LINES = 200;

    private final Process process;
    private volatile boolean stopping;

    private NxAgent(Process process) {
        this.process = process;
    }

    /**
     * Starts nxagent; {@code onState} gets every state its output announces, {@code onExit} runs once
     * when the process is gone. Its output is also kept in {@code logFile}.
     */
    public static NxAgent start(
            List<String> command, Map<String, String> env, Path logFile, Consumer<XState> onState, Runnable onExit)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        NxAgent agent = new NxAgent(process);
        Thread reader = new Thread(() -> agent.follow(logFile, onState, onExit), "nxagent-output");
        reader.setDaemon(true);
        reader.start();
        return agent;
    }

    private void follow(Path logFile, Consumer<XState> onState, Runnable onExit) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(
                        logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            int echoed = 0;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (echoed < ECHOED_LINES && NxOutput.noteworthy(line)) {
                    echoed++;
                    String copy = line.strip();
                    LOG.info(() -> "nxagent " + process.pid() + ": " + copy);
                }
                NxOutput.stateOf(line).ifPresent(onState);
            }
        } catch (IOException e) {
            // when we stop nxagent, the JDK closes its output under the reader: expected then
            LOG.log(stopping ? Level.FINE : Level.WARNING, "reading nxagent output failed", e);
        } finally {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info(() -> "nxagent exited with " + (process.isAlive() ? "?" : process.exitValue()));
            onExit.run();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** HUP: suspends a connected session, or makes a suspended one listen again (after new options). */
    public void hangUp() throws IOException {
        Commands.signal(process.pid(), "HUP");
    }

    /** TERM now, KILL if it is still there after the timeout. */
    public void stop(int timeoutSeconds) {
        stopping = true;
        process.destroy();
        Thread killer = new Thread(
                () -> {
                    try {
                        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                            LOG.warning("nxagent ignored TERM: killing it");
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "nxagent-stop");
        killer.setDaemon(true);
        killer.start();
    }
}
