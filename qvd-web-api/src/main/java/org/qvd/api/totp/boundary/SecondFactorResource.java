package org.qvd.api.totp.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.vmas.totp.boundary.TotpEnrolmentDto;
import org.qvd.vmas.totp.boundary.TotpService;

/**
 * The calling administrator's TOTP second factor. Once confirmed, Basic logins (REST, SOAP) need the current code in
 * the {@code X-QVD-TOTP} header: get a bearer token with it ({@code POST /auth/token}) rather than sending a new code
 * with every request.
 */
@Path("second-factor")
@Tag(name = "second-factor", description = "administrators' TOTP second factor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SecondFactorResource {

    /** A code from the authenticator app. */
    public record Code(String code) {}

    @EJB
    TotpService totp;

    @GET
    @Operation(
            summary = "Whether the caller's logins need a code",
            description =
                    "{enabled: true} once an enrolled " + "secret was confirmed; any authenticated administrator.")
    public Map<String, Boolean> status() {
        return Map.of("enabled", totp.enabled());
    }

    @POST
    @Path("enrolment")
    @Operation(
            summary = "Enrol an authenticator app",
            description =
                    "a new secret (Base32), its otpauth:// URI and a "
                            + "QR code (SVG), shown once; active after POST confirmation. 409 totp.enrolled while one is active.")
    public TotpEnrolmentDto enrol() {
        return totp.enrol();
    }

    @POST
    @Path("confirmation")
    @Operation(
            summary = "Activate the enrolled secret with a first code",
            description = "from then on the caller's "
                    + "logins need a code; 400 totp.wrong_code (wrong, expired or used), 409 totp.not_enrolled.")
    @APIResponse(responseCode = "204", description = "active")
    @Produces(MediaType.WILDCARD)
    public void confirm(Code code) {
        totp.confirm(code == null ? null : code.code());
    }

    @POST
    @Path("removal")
    @Operation(
            summary = "Turn the caller's second factor off with a current code",
            description = "400 " + "totp.wrong_code, 409 totp.not_enrolled when none is active.")
    @APIResponse(responseCode = "204", description = "off")
    @Produces(MediaType.WILDCARD)
    public void disable(Code code) {
        totp.disable(code == null ? null : code.code());
    }

    @DELETE
    @Path("{adminId}")
    @Operation(
            summary = "Reset another administrator's second factor (lost device)",
            description = "ACL admin.update.password; that administrator logs in with the password alone until it "
                    + "enrols again.")
    @APIResponse(responseCode = "204", description = "reset")
    @Produces(MediaType.WILDCARD)
    public void reset(@PathParam("adminId") Long adminId) {
        totp.reset(adminId);
    }
}
