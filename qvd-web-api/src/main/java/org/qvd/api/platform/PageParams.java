package org.qvd.api.platform;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.qvd.vmas.platform.list.PageRequest;

/**
 * {@code ?page=0&size=50}: zero-based page, size 1..500. Each list takes its own {@code sort} (a field of its
 * whitelist, '-' for descending), documented with the fields it accepts.
 */
public class PageParams {

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "zero-based page number")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "page size, 1..500")
    int size;

    /** The page in the list's default order. */
    public PageRequest toRequest() {
        return toRequest(null);
    }

    /** The page sorted by {@code sort}: {@code name}, or {@code -name} for descending; blank: the default order. */
    public PageRequest toRequest(String sort) {
        boolean descending = sort != null && sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        return PageRequest.of(page, size, field == null || field.isBlank() ? null : field, descending);
    }
}
