package org.qvd.vmas.platform.guard;

import jakarta.enterprise.context.RequestScoped;

/** Where the current request came from; the web layers fill it, the audit reads it (null = unknown). */
@RequestScoped
public class RequestOrigin {

    private String sourceAddress;

    public String sourceAddress() {
        return sourceAddress;
    }

    public void sourceAddress(String address) {
        this.sourceAddress = address;
    }
}
