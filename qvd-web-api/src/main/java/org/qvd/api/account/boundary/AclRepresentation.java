package org.qvd.api.account.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.account.boundary.AclDto;

/** One ACL of the catalogue. */
@Schema(name = "Acl", description = "a permission such as `vm.update.state`")
public record AclRepresentation(Long id, String name, String description) {

    static AclRepresentation of(AclDto a) {
        return new AclRepresentation(a.id(), a.name(), a.description());
    }
}
