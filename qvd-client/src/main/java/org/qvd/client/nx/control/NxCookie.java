package org.qvd.client.nx.control;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A fresh NX proxy cookie: 128 random bits as 32 lowercase hex digits, the form nxcomp and xauth accept. */
public final class NxCookie {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NxCookie() {}

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
