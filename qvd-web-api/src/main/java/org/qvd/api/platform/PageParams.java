package org.qvd.api.platform;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.qvd.vmas.platform.PageRequest;

/** {@code ?page=0&size=50&sort=-name}: zero-based page, size 1..500, sort field with '-' for descending. */
public class PageParams {

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "zero-based page number")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "page size, 1..500")
    int size;

    @QueryParam("sort")
    @Parameter(description = "field to sort by; prefix '-' for descending (e.g. -createdAt)")
    String sort;

    public PageRequest toRequest() {
        boolean descending = sort != null && sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        return PageRequest.of(page, size, field == null || field.isBlank() ? null : field, descending);
    }
}
