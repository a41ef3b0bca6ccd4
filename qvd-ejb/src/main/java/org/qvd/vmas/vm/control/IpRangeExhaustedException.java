package org.qvd.vmas.vm.control;

import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.vm.entity.VmError;

/** Every address of the configured VM range is taken. */
public class IpRangeExhaustedException extends QvdException {
    public IpRangeExhaustedException(String start, String end) {
        super(
                VmError.IP_EXHAUSTED,
                409,
                "no free IP left in the VM range " + start + " - " + end
                        + " (config vm.network.ip.start / vm.network.ip.end)");
    }
}
