package org.qvd.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages a class logs (java.util.logging, INFO and above) while the capture is open: what an operator would
 * read in the server log, for a test to assert on. Holds the logger itself: the log manager keeps loggers only
 * weakly, and a collected one would lose the handler.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
            // kept in memory
        }

        @Override
        public void close() {
            // nothing held
        }
    };

    private LogCapture(Class<?> logging) {
        logger = Logger.getLogger(logging.getName());
        logger.addHandler(handler);
        logger.setLevel(Level.INFO);
    }

    /** Starts capturing what {@code logging} logs (its logger is named after the class). */
    public static LogCapture of(Class<?> logging) {
        return new LogCapture(logging);
    }

    /** The messages so far, unformatted, in order. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(null);
    }
}
