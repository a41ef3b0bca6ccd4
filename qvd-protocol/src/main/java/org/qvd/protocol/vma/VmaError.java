package org.qvd.protocol.vma;

import org.qvd.protocol.state.XState;

/**
 * Error body (HTTP 4xx/5xx). {@code error} is a stable code: {@code invalid_parameter} (400),
 * {@code unknown_method} (404), {@code method_not_allowed} (405), {@code busy} (409: the session is
 * in a state where the call cannot run now; {@code state} tells which), {@code internal} (500).
 * {@code parameter} names the offending parameter, if any.
 */
public record VmaError(String error, String parameter, String message, XState state) {
    public static VmaError invalidParameter(String parameter, String message) {
        return new VmaError("invalid_parameter", parameter, message, null);
    }

    public static VmaError busy(XState state, String message) {
        return new VmaError("busy", null, message, state);
    }
}
