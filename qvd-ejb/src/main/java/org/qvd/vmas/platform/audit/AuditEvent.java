package org.qvd.vmas.platform.audit;

/** One audit entry as the interceptors see it; {@code result} is {@code ok} or the error code. */
public record AuditEvent(
        Long adminId,
        String adminName,
        Long tenantId,
        String tenantName,
        boolean superadmin,
        String action,
        String objectType,
        Long objectId,
        String objectName,
        String arguments,
        String result,
        String sourceAddress) {

    public static final String OK = "ok";

    public boolean ok() {
        return OK.equals(result);
    }
}
