package org.qvd.vma.session.control;

import static org.qvd.protocol.vma.VmaParameters.*;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.vma.session.entity.SessionRequest;

/**
 * Validates x_start parameters against whitelists. {@code qvd.nx.cookie} is optional: QVD 4's clients run their
 * nxproxy without a cookie, so a session without one is served cookieless (see {@link SessionRequest#cookie}). The values end up in nxagent's options line
 * (where ',', '=' and ':' are separators) and in useradd's argument list, so only known-safe
 * characters pass; anything else is refused, never escaped.
 */
public final class SessionParameters {
    private static final Pattern USER_RE = Pattern.compile("[a-z_][a-z0-9_-]{0,30}");
    private static final Set<String> RESERVED_USERS = Set.of(
            "root",
            "daemon",
            "bin",
            "sys",
            "sync",
            "games",
            "man",
            "lp",
            "mail",
            "news",
            "uucp",
            "proxy",
            "www-data",
            "backup",
            "list",
            "irc",
            "nobody",
            "messagebus",
            "systemd-network",
            "systemd-resolve",
            "systemd-timesync",
            "_apt");
    private static final Pattern KEYBOARD_RE = Pattern.compile("[a-z0-9_]{1,16}/[a-z0-9_]{1,16}");
    private static final Pattern GEOMETRY_RE = Pattern.compile("([0-9]{3,5})x([0-9]{3,5})");
    private static final Pattern COOKIE_RE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SLAVE_KEY_RE = Pattern.compile("[A-Za-z0-9+/=_-]{8,128}");
    private static final Map<String, String> LINKS =
            Map.of("modem", "modem", "isdn", "isdn", "adsl", "adsl", "wan", "wan", "lan", "lan", "local", "lan");
    private static final Map<String, String> OS_NAMES = Map.of(
            "linux", "linux", "windows", "windows", "winnt", "windows", "darwin", "macosx", "macosx", "macosx", "osx",
            "macosx", "solaris", "solaris");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_ID = 1000;
    static final int MAX_ID = 60000;
    static final int MIN_SIDE = 320;
    static final int MAX_SIDE = 8192;

    private SessionParameters() {}

    /** Parses and validates; unknown parameters are ignored (QVD sends many properties). */
    public static SessionRequest parse(Map<String, String> params) {
        String user = required(params, USER_NAME);
        if (!USER_RE.matcher(user).matches() || RESERVED_USERS.contains(user)) {
            throw new ParameterInvalidException(
                    USER_NAME, "must match [a-z_][a-z0-9_-]{0,30} and not be a system account");
        }
        Integer uid = optionalId(params, USER_UID);
        Integer gid = optionalId(params, USER_GID);
        String keyboard = optional(params, KEYBOARD, "pc105/us");
        if (!KEYBOARD_RE.matcher(keyboard).matches()) {
            throw new ParameterInvalidException(KEYBOARD, "expected model/layout, e.g. pc105/us");
        }
        int[] size = geometry(params.get(GEOMETRY));
        String link = LINKS.get(optional(params, LINK, "adsl"));
        if (link == null) {
            throw new ParameterInvalidException(LINK, "expected one of " + LINKS.keySet());
        }
        String os = params.containsKey(CLIENT_OS) ? OS_NAMES.get(params.get(CLIENT_OS)) : null;
        if (params.containsKey(CLIENT_OS) && os == null) {
            throw new ParameterInvalidException(CLIENT_OS, "expected one of " + OS_NAMES.keySet());
        }
        String cookie = params.get(NX_COOKIE);
        if (cookie != null && cookie.isEmpty()) {
            cookie = null;
        }
        if (cookie != null && !COOKIE_RE.matcher(cookie).matches()) {
            throw new ParameterInvalidException(NX_COOKIE, "expected 32 lower-case hex digits");
        }
        String slaveKey = params.get(SLAVE_KEY);
        if (slaveKey != null && !SLAVE_KEY_RE.matcher(slaveKey).matches()) {
            throw new ParameterInvalidException(SLAVE_KEY, "expected 8-128 characters of [A-Za-z0-9+/=_-]");
        }
        return new SessionRequest(
                user,
                uid,
                gid,
                keyboard,
                size[0],
                size[1],
                flag(params, FULLSCREEN),
                link,
                os,
                cookie,
                slaveKey,
                cookie != null ? cookie : randomCookie(),
                null);
    }

    /** The display's cookie of a session without NX cookie: nobody outside the VM ever sees it. */
    private static String randomCookie() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new ParameterInvalidException(name, "is required");
        }
        return value;
    }

    private static String optional(Map<String, String> params, String name, String fallback) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static Integer optionalId(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < MIN_ID || Integer.parseInt(value) > MAX_ID) {
            throw new ParameterInvalidException(name, "expected a number from " + MIN_ID + " to " + MAX_ID);
        }
        return Integer.valueOf(value);
    }

    private static int[] geometry(String value) {
        if (value == null || value.isEmpty()) {
            return new int[] {0, 0};
        }
        Matcher m = GEOMETRY_RE.matcher(value);
        if (!m.matches()) {
            throw new ParameterInvalidException(GEOMETRY, "expected WIDTHxHEIGHT, e.g. 1280x800");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) {
            throw new ParameterInvalidException(GEOMETRY, "sides must be from " + MIN_SIDE + " to " + MAX_SIDE);
        }
        return new int[] {w, h};
    }

    private static boolean flag(Map<String, String> params, String name) {
        String value = params.getOrDefault(name, "0");
        return switch (value) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default -> throw new ParameterInvalidException(name, "expected 0/1 or true/false");
        };
    }
}
