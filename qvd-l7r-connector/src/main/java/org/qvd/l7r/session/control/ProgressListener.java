package org.qvd.l7r.session.control;

/**
 * Receives progress texts while the VMAS prepares a VM; each becomes a {@code HTTP/1.1 102 Processing} line with
 * {@code X-QVD-VM-Info: <text>} for the client. Thread-safe; may be called from any thread (e.g. a JMS listener),
 * never blocks. Texts are single-line, printable ASCII is safest (control characters are replaced).
 */
@FunctionalInterface
public interface ProgressListener {

    void progress(String text);
}
