package org.qvd.hkd.config;

/** A configuration value that cannot be used; the agent refuses to start with it. */
public class ConfigInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigInvalidException(String key, String raw, String problem) {
        super("invalid value for " + key + " = '" + raw + "': " + problem);
    }

    public ConfigInvalidException(String message) {
        super(message);
    }
}
