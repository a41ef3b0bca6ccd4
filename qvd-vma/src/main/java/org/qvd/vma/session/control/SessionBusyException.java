package org.qvd.vma.session.control;

import org.qvd.protocol.state.XState;

/** The session is in a state where the call cannot run now; answered with HTTP 409 and the state. */
public class SessionBusyException extends RuntimeException {
    private final XState state;

    public SessionBusyException(XState state, String message) {
        super(message);
        this.state = state;
    }

    public XState state() {
        return state;
    }
}
