package org.qvd.l7r.adapter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.qvd.l7r.session.control.FailureCounters.Failures;
import org.qvd.l7r.session.control.SessionBackend;

/**
 * The adapter's inbound endpoint (the message listener type of {@code qvd-l7r.rar}): what the L7R asks the VMAS.
 * The VMAS implements it with a message-driven bean bound to this adapter; the adapter calls it through a fresh
 * {@code MessageEndpoint} per call, on a managed thread, never on an I/O thread.
 */
public interface L7rEndpoint extends SessionBackend {

    /** A client connection was closed at once by a connection cap ({@code "global"} or {@code "per-address"}). */
    void connectionRefused(String reason);

    /** The login throttle's counters of {@code key}, shared by every node (the VMAS's database), or null. */
    Failures loginFailures(String key);

    /** The counters of each of {@code keys} that has some, in one look at the database (one login, one read). */
    Map<String, Failures> loginFailures(List<String> keys);

    /** Applies {@code next} to the key's shared counters atomically (see {@code FailureCounters#update}). */
    Failures updateLoginFailures(String key, UnaryOperator<Failures> next);

    void clearLoginFailures(String key);

    void purgeLoginFailures(Instant windowStart, Instant now);
}
