package org.qvd.l7r.session.entity;

/** Whether a user may connect to (or stop) a VM: the decision is the VMAS's. */
public sealed interface VmAccess {

    record Granted(VmRef vm) implements VmAccess {}

    /** The VM does not exist or is not the user's (the client cannot tell the two apart): {@code 404}. */
    record NotFound() implements VmAccess {}

    /** The VM is blocked (offline for maintenance): {@code 403}. */
    record Blocked(String reason) implements VmAccess {}
}
