package org.qvd.protocol.vma;

import org.qvd.protocol.state.XState;

/**
 * Answer of {@code x_state}, {@code x_start}, {@code x_suspend} and {@code x_stop}: the X state after
 * the call; {@code resumed} is true when x_start resumed a suspended session instead of starting one.
 */
public record XStateReply(XState state, boolean resumed) {
    public static XStateReply of(XState state) {
        return new XStateReply(state, false);
    }
}
