package org.qvd.l7r.session.entity;

/**
 * A user login as QVD clients send it: {@code user@tenant} (QVD also accepts {@code #} as the separator).
 * The last separator splits, so {@code bob@example.com@acme} is user {@code bob@example.com} of tenant {@code acme};
 * without a separator the default tenant applies.
 */
public record Login(String user, String tenant) {

    public static Login parse(String raw, String defaultTenant) {
        int at = Math.max(raw.lastIndexOf('@'), raw.lastIndexOf('#'));
        if (at <= 0 || at == raw.length() - 1) {
            return new Login(raw, defaultTenant);
        }
        return new Login(raw.substring(0, at), raw.substring(at + 1));
    }

    /** The canonical form {@code user@tenant}, as used in logs and throttling. */
    @Override
    public String toString() {
        return user + "@" + tenant;
    }
}
