package org.qvd.vmas.account.control;

/** A login {@code name@tenant}; without {@code @tenant} the default tenant applies. */
public record Login(String name, String tenant) {

    public static final String DEFAULT_TENANT = "default";

    public static Login parse(String login) {
        int at = login.lastIndexOf('@');
        if (at < 0) {
            return new Login(login, DEFAULT_TENANT);
        }
        return new Login(login.substring(0, at), login.substring(at + 1));
    }
}
