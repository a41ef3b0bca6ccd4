package org.qvd.l7r.session.entity;

/** A VM the VMAS has granted a user access to. */
public record VmRef(long id, String name) {}
