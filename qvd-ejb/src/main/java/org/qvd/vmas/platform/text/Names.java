package org.qvd.vmas.platform.text;

/** The shapes of names used in logins ({@code name@tenant}), shared by the request records' constraints. */
public final class Names {

    /** Logins, admin and tenant names: no '@', no spaces, no '*'. */
    public static final String LOGIN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final String LOGIN_MESSAGE =
            "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Names() {}
}
