package org.qvd.api.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, under {@code /api/v1} (the WAR's context root is {@code /api}). */
@ApplicationPath("v1")
@OpenAPIDefinition(info = @Info(title = "QVD administration API", version = "1",
        description = "Tenants, users, VMs, hosts, OSFs, DIs, administrators, roles, properties, configuration and "
                + "audit log of QVD. Errors are RFC 9457 application/problem+json with a stable `code`."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "a token from POST /auth/token")
public class RestApplication extends Application {
}
