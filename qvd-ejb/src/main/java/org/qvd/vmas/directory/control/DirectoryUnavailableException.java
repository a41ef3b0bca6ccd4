package org.qvd.vmas.directory.control;

import org.qvd.vmas.directory.entity.DirectoryError;
import org.qvd.vmas.platform.error.QvdException;

/** The tenant's directory did not answer (down, unreachable, TLS refused, timed out): nobody is refused for it. */
public class DirectoryUnavailableException extends QvdException {

    public DirectoryUnavailableException(String message) {
        super(DirectoryError.UNAVAILABLE, 503, message);
    }
}
