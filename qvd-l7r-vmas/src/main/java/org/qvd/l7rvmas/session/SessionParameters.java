package org.qvd.l7rvmas.session;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.protocol.vma.VmaParameters;

/** Builds what the VMA's {@code x_start} receives, and reads the little the L7R needs from its JSON answers. */
final class SessionParameters {

    /** What the client sends as its NX cookie (docs/client.md); the VMA expects it as {@code qvd.nx.cookie}. */
    static final String CLIENT_NX_COOKIE = "qvd.client.nx.cookie";

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PARAMETER = Pattern.compile("\"parameter\"\\s*:\\s*\"([A-Za-z0-9._-]+)\"");

    private SessionParameters() {}

    /** QVD's slave key: 64 random alphanumerics. */
    static String newSlaveKey(SecureRandom random) {
        StringBuilder key = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            key.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return key.toString();
    }

    /**
     * Client parameters first, then the VMAS's merged properties (OSF, DI, user, VM: the administrator's word wins
     * over the client's, as in QVD), then what only the server decides: the VM user, the NX cookie the client chose,
     * the slave key.
     */
    static Map<String, String> forVma(
            Map<String, String> client, Map<String, String> properties, String login, String slaveKey) {
        Map<String, String> merged = new LinkedHashMap<>(client);
        merged.remove(CLIENT_NX_COOKIE);
        merged.putAll(properties);
        merged.put(VmaParameters.USER_NAME, unixUserName(login));
        String cookie = client.get(CLIENT_NX_COOKIE);
        if (cookie != null) {
            merged.put(VmaParameters.NX_COOKIE, cookie);
        }
        merged.put(VmaParameters.SLAVE_KEY, slaveKey);
        return merged;
    }

    /** The VM's user for a canonical {@code user@tenant} login: the user part (the VMA validates it). */
    static String unixUserName(String login) {
        int at = login.lastIndexOf('@');
        return at > 0 ? login.substring(0, at) : login;
    }

    /** The {@code state} of a VMA answer ({@code XStateReply}, {@code VmaError}), or null. */
    static String stateOf(String json) {
        Matcher m = STATE.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The {@code message} of a VMA error answer, led by the parameter it names when the message does not already
     * (older VMAs said only {@code is required}), or the raw body cut short.
     */
    static String messageOf(String json) {
        Matcher m = MESSAGE.matcher(json);
        if (m.find()) {
            Matcher p = PARAMETER.matcher(json);
            String message = m.group(1);
            return p.find() && !message.contains(p.group(1)) ? p.group(1) + " " + message : message;
        }
        return json.length() > 200 ? json.substring(0, 200) : json;
    }
}
