package org.qvd.protocol.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema version {@code major.minor} of a message. A minor bump only adds optional fields, which older
 * receivers ignore; a major bump is incompatible and refused.
 */
public record SchemaVersion(int major, int minor) {

    public static final SchemaVersion CURRENT = new SchemaVersion(1, 2);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    public SchemaVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative schema version " + major + "." + minor);
        }
    }

    /** Parses {@code "1.1"}; anything else is unsupported. */
    public static SchemaVersion parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new SchemaVersionUnsupportedException(text);
        }
        return new SchemaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether a receiver at {@link #CURRENT} can read a message of this version. */
    public boolean readable() {
        return major == CURRENT.major;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
