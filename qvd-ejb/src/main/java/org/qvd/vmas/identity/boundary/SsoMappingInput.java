package org.qvd.vmas.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * A new mapping: tokens whose {@code claim} (e.g. {@code groups}) holds {@code value} make administrators of tenant
 * {@code tenantId} (a tenant admin's own when absent) with role {@code roleId} (the tenant's or a fixed one).
 */
public record SsoMappingInput(
        Long tenantId,

        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:/-]+", message = "letters, digits and _ . : / -")
        String claim,

        @NotBlank @Size(max = 255) String value,
        @NotNull Long roleId)
        implements Serializable {}
