package org.qvd.api.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code 201 Created} with the new object's {@code Location}. */
public final class Created {

    private Created() {}

    public static Response at(UriInfo uri, Object id, Object entity) {
        return Response.created(
                        uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .entity(entity)
                .build();
    }
}
