package org.qvd.vmas.image.entity;

import org.qvd.vmas.platform.error.QvdException;

/** A refused tag operation (fixed or reserved tag, bad name, conflicting version). */
public class DiTagException extends QvdException {
    public DiTagException(ImageError code, String message) {
        super(code, 409, message);
    }
}
