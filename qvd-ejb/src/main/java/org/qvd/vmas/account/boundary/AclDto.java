package org.qvd.vmas.account.boundary;

import org.qvd.vmas.account.entity.Acl;

/** An ACL name and what it allows. */
public record AclDto(Long id, String name, String description) {
    public static AclDto of(Acl a) {
        return new AclDto(a.getId(), a.getName(), a.getDescription());
    }
}
