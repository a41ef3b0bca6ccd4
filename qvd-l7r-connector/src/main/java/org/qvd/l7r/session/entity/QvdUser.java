package org.qvd.l7r.session.entity;

/** An authenticated user, as the VMAS identifies it. {@code login} is the canonical {@code user@tenant}. */
public record QvdUser(long id, String login) {}
