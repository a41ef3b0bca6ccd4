package org.qvd.api.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API, under {@code /api/v1} (the WAR's context root is {@code /api}). WildFly merges every deployment's
 * document into one and writes an empty {@code license}, {@code externalDocs} and {@code servers} unless a
 * deployment names them, which makes the document invalid: so they are named here.
 */
@ApplicationPath("v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "QVD administration API",
                        version = "1",
                        description =
                                "Tenants, users, VMs, hosts, OSFs, DIs, administrators, roles, properties, configuration and "
                                        + "audit log of QVD. Errors are RFC 9457 application/problem+json with a stable `code`.",
                        license =
                                @License(
                                        name = "not declared yet by the project",
                                        identifier = "LicenseRef-not-declared")),
        externalDocs =
                @ExternalDocumentation(
                        url = "/api/docs/api.md",
                        description =
                                "authentication, throttling, errors, SOAP, health and metrics (served by this server)"),
        servers = @Server(url = "/", description = "this server: every path starts with /api/v1"),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "a token from POST /auth/token")
public class RestApplication extends Application {}
