package org.qvd.vmas.platform.list;

import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;

/**
 * One page of a list: zero-based page, size 1..500, an optional sort field (from the service's
 * whitelist, else the default order by id) and its direction.
 */
public record PageRequest(int page, int size, String sort, boolean descending) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException(PlatformError.PAGE_INVALID, "page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(PlatformError.PAGE_INVALID, "page size must be 1.." + MAX_SIZE);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size, null, false);
    }

    public static PageRequest of(int page, int size, String sort, boolean descending) {
        return new PageRequest(page, size, sort, descending);
    }

    public int offset() {
        return page * size;
    }
}
