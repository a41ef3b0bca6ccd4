package org.qvd.vmas.property.entity;

/** The kinds of object that carry properties; session parameters merge them in this order (later wins). */
public enum PropertyOwner {
    OSF,
    DI,
    USER,
    VM,
    HOST
}
