package org.qvd.vmas.platform;

/** An object does not exist or is outside the caller's tenant (both answer the same, on purpose). */
public class NotFoundException extends QvdException {
    public NotFoundException(String objectType, Object key) {
        super(objectType + ".not_found", 404, objectType + " " + key + " not found");
    }
}
