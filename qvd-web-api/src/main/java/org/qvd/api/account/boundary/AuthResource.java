package org.qvd.api.account.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.BearerTokens;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.account.boundary.CallerDto;

/** Bearer tokens for administrators (authenticate once with Basic, then send {@code Authorization: Bearer}). */
@Path("auth")
@Tag(name = "auth", description = "bearer tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    AdministratorService admins;

    @Inject
    BearerTokens tokens;

    @POST
    @Path("token")
    @Operation(
            summary = "Issue a bearer token for the calling administrator (also refreshes a token)",
            description = "no ACL needed: authenticate with Basic (or a token to refresh it) and send the answer's "
                    + "token as `Authorization: Bearer <token>` until expiresAt (qvd.api.token.ttl). Blocking the "
                    + "administrator or changing its password voids it.")
    public BearerTokens.Issued token() {
        CallerDto me = admins.me(); // an active administrator, resolved by the VMAS
        return tokens.issue(me.name() + "@" + me.tenantName());
    }
}
