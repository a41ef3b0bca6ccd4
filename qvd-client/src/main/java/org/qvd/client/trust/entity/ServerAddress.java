package org.qvd.client.trust.entity;

/** Where the L7R listens: {@code host[:port]}, IPv6 literals in brackets; QVD's default port is 8443. */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 8443;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host given");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static ServerAddress parse(String text) {
        String value = text.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in " + text);
            }
            String rest = value.substring(close + 1);
            int port = rest.isEmpty() ? DEFAULT_PORT : parsePort(rest.substring(1), text);
            return new ServerAddress(value.substring(1, close), port);
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0 || value.indexOf(':') != colon) {
            return new ServerAddress(value, DEFAULT_PORT);
        }
        return new ServerAddress(value.substring(0, colon), parsePort(value.substring(colon + 1), text));
    }

    private static int parsePort(String port, String text) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + text);
        }
    }

    /** The key under which the server's certificate is remembered. */
    public String key() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return key();
    }
}
