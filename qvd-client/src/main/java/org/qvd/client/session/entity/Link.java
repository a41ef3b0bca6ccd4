package org.qvd.client.session.entity;

import java.util.Locale;

/** NX link types; the name is what goes on the wire and into nxproxy's {@code link=} option. */
public enum Link {
    MODEM,
    ISDN,
    ADSL,
    WAN,
    LAN,
    LOCAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Link parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("link must be one of modem, isdn, adsl, wan, lan, local: " + text);
        }
    }
}
