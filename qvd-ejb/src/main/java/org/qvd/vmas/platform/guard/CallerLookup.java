package org.qvd.vmas.platform.guard;

/** Resolves an Elytron principal name ({@code name@tenant}) to a {@link Caller}; implemented by the account component. */
public interface CallerLookup {
    /** @throws ForbiddenException with code {@code auth.unauthenticated} when it names no active administrator */
    Caller resolve(String principalName);
}
