package org.qvd.vmas.platform.error;

/** The caller lacks an ACL, or is not an administrator at all (code {@code auth.unauthenticated}, 401). */
public class ForbiddenException extends QvdException {
    public ForbiddenException(ErrorCode code, String message) {
        super(code, code.code().startsWith("auth.") ? 401 : 403, message);
    }

    public static ForbiddenException missingAcl(String acl) {
        return new ForbiddenException(PlatformError.ACL_FORBIDDEN, "missing ACL " + acl);
    }

    public static ForbiddenException superadminOnly(String what) {
        return new ForbiddenException(PlatformError.ACL_SUPERADMIN_ONLY, what + " is reserved to superadministrators");
    }
}
