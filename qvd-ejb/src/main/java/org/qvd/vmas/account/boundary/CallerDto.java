package org.qvd.vmas.account.boundary;

import java.util.Set;
import java.util.TreeSet;
import org.qvd.vmas.platform.guard.Caller;

/** "Who am I": the calling administrator and its effective ACLs. */
public record CallerDto(
        Long adminId, String name, Long tenantId, String tenantName, boolean superadmin, Set<String> acls) {

    public static CallerDto of(Caller c) {
        return new CallerDto(
                c.adminId(), c.adminName(), c.tenantId(), c.tenantName(), c.superadmin(), new TreeSet<>(c.acls()));
    }
}
