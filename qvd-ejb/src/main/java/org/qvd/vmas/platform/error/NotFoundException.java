package org.qvd.vmas.platform.error;

/** An object does not exist or is outside the caller's tenant (both answer the same, on purpose). */
public class NotFoundException extends QvdException {
    /** @param code a {@code <object>.not_found} code of the object's catalogue */
    public NotFoundException(ErrorCode code, Object key) {
        super(code, 404, code.code().substring(0, code.code().lastIndexOf('.')) + " " + key + " not found");
    }
}
