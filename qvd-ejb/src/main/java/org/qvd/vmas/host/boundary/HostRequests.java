package org.qvd.vmas.host.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Inputs of {@link HostService}. */
public final class HostRequests {

    private HostRequests() {}

    /** Host names become JMS queue names (qvd.hkd.&lt;name&gt;): letters, digits, '.', '_' and '-' only. */
    public static final String HOST_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    /** A new host. */
    public record NewHost(
            @NotBlank @Pattern(regexp = HOST_NAME) String name,
            @NotBlank @Size(max = 255) String address,
            @Size(max = 1024) String description) {}

    /** Changes; null keeps the current value. */
    public record HostUpdate(
            @Pattern(regexp = HOST_NAME) String name,
            @Size(min = 1, max = 255) String address,
            @Size(max = 1024) String description) {}

    /** List filter; null = any. */
    public record HostFilter(String name, String state, Boolean blocked) {
        public static HostFilter any() {
            return new HostFilter(null, null, null);
        }
    }
}
