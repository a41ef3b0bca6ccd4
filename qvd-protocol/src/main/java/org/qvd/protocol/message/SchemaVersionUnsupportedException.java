package org.qvd.protocol.message;

/** The message's schema major version differs from this receiver's, or the version is unreadable. */
public class SchemaVersionUnsupportedException extends ProtocolException {

    private static final long serialVersionUID = 1L;
    private final String schemaVersion;

    public SchemaVersionUnsupportedException(String schemaVersion) {
        super("unsupported schemaVersion '" + schemaVersion + "'; this receiver reads " + SchemaVersion.CURRENT.major()
                + ".x");
        this.schemaVersion = schemaVersion;
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
