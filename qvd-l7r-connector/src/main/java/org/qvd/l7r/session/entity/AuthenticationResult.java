package org.qvd.l7r.session.entity;

/** The VMAS's verdict on a set of credentials. */
public sealed interface AuthenticationResult {

    record Authenticated(QvdUser user) implements AuthenticationResult {}

    /** Wrong password, unknown user, blocked user or tenant: the client only ever sees {@code 401}. */
    record Refused(String reasonForLog) implements AuthenticationResult {}
}
