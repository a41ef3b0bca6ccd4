package org.qvd.vma.session.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qvd.protocol.state.XState;

/**
 * Maps nxagent's own log lines (stderr) to X states. Unlike QVD, "starting/resuming session" is not yet
 * listening: only "Waiting for connection" is, and a client (or a NAT in front of the VM) that
 * connects earlier is refused, so the caller must wait for {@code listening}. Started/resumed mean a
 * client is attached (connected).
 */
public final class NxOutput {
    private static final List<Map.Entry<String, XState>> RULES = List.of(
            Map.entry("Session: Starting session at", XState.STARTING),
            Map.entry("Info: Waiting for connection from", XState.LISTENING),
            Map.entry("Session: Resuming session at", XState.STARTING),
            Map.entry("Session: Session started at", XState.CONNECTED),
            Map.entry("Session: Session resumed at", XState.CONNECTED),
            Map.entry("Session: Suspending session at", XState.SUSPENDING),
            Map.entry("Session: Display failure detected at", XState.SUSPENDING),
            Map.entry("Session: Session suspended at", XState.SUSPENDED),
            Map.entry("Session: Terminating session at", XState.STOPPING),
            Map.entry("Session: Aborting session at", XState.STOPPING),
            Map.entry("Session: Session terminated at", XState.STOPPED),
            Map.entry("Session: Session aborted at", XState.STOPPED));

    private NxOutput() {}

    /** The state a line announces, or empty for lines that do not change the state. */
    public static Optional<XState> stateOf(String line) {
        String trimmed = line.strip();
        for (Map.Entry<String, XState> rule : RULES) {
            if (trimmed.startsWith(rule.getKey())) {
                return Optional.of(rule.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the VMA's own log (the guest's console, journald) should carry this line too: nxagent's errors and
     * warnings, its session lifecycle and its proxy connection steps (accepted, refused, negotiated). A session that
     * ends at once then shows why on the console, where {@code bench/guest} and an admin read it, not only in
     * {@code nxagent.log} inside the guest's run directory.
     */
    public static boolean noteworthy(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Error")
                || trimmed.startsWith("Warning")
                || trimmed.startsWith("Session:")
                || trimmed.startsWith("Info: Accepted connection")
                || trimmed.startsWith("Info: Connection with remote proxy")
                || trimmed.startsWith("Info: Aborting");
    }

    /** nxagent announces its pid; with setpriv in front it is the same process. */
    public static Optional<Long> agentPid(String line) {
        String prefix = "Info: Agent running with pid '";
        String trimmed = line.strip();
        if (trimmed.startsWith(prefix) && trimmed.endsWith("'.")) {
            String digits = trimmed.substring(prefix.length(), trimmed.length() - 2);
            if (digits.matches("[0-9]{1,9}")) {
                return Optional.of(Long.parseLong(digits));
            }
        }
        return Optional.empty();
    }
}
