package org.qvd.vmas.platform.error;

/**
 * A stable error code such as {@code vm.invalid_state}. Each component lists its codes in one enum
 * ({@code VmError}, {@code AccountError}, {@code PlatformError}…), so a throw site names a constant, never a string;
 * the HTTP status comes from the exception's kind ({@link NotFoundException} 404, {@link ConflictException} 409…).
 */
public interface ErrorCode {

    /** The code as clients see it, e.g. {@code vm.invalid_state}. */
    String code();

    /**
     * What the code means, in English, for any case of it. An error's own message is more specific (it names the
     * object) and is what English clients read; the WAT in Spanish shows {@code error.<code>} of its messages.
     */
    String description();
}
