package org.qvd.hkd.vm.control;

import org.libvirt.LibvirtException;
import org.qvd.hkd.platform.HkdException;

/** A libvirt call failed; the message names the action and libvirt's own reason. */
public class LibvirtFailureException extends HkdException {

    private static final long serialVersionUID = 1L;

    public LibvirtFailureException(String action, LibvirtException cause) {
        super(action + " failed: " + cause.getMessage(), cause);
    }
}
