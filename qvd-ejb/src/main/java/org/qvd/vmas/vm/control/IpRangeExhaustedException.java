package org.qvd.vmas.vm.control;

import org.qvd.vmas.platform.QvdException;

/** Every address of the configured VM range is taken. */
public class IpRangeExhaustedException extends QvdException {
    public IpRangeExhaustedException(String start, String end) {
        super("vm.ip_exhausted", 409, "no free IP left in the VM range " + start + " - " + end
                + " (config vm.network.ip.start / vm.network.ip.end)");
    }
}
