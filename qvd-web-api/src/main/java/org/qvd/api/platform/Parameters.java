package org.qvd.api.platform;

import jakarta.ws.rs.WebApplicationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which request parameter RESTEasy could not convert, without echoing the client's value. */
final class Parameters {

    // RESTEASY003870: Unable to extract parameter from http request: jakarta.ws.rs.QueryParam("page") value is '…'
    private static final Pattern PARAM = Pattern.compile(
            "jakarta\\.ws\\.rs\\.(Path|Query|Matrix|Header|Cookie|Form)Param" + "\\(\"([A-Za-z0-9_.-]{1,64})\"\\)");

    private Parameters() {}

    /** {@code "path parameter 'id'"} / {@code "query parameter 'page'"}, or null when the refusal is not about one. */
    static String unconvertible(WebApplicationException wae) {
        if (!(wae.getCause() instanceof RuntimeException)) {
            return null;
        }
        Matcher m = PARAM.matcher(String.valueOf(wae.getMessage()));
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) + " parameter '" + m.group(2) + "'" : null;
    }
}
