package org.qvd.vmas.vm.control;

import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.vm.entity.VmError;

/** IPv4 addresses as numbers (0 … 2^32-1) and back, strictly dotted-quad. */
final class Ipv4 {

    private Ipv4() {}

    /** Normalises and checks an address an admin typed. */
    static String normalise(String ip) {
        try {
            return format(parse(ip));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(VmError.IP_INVALID, "'" + ip + "' is not an IPv4 address");
        }
    }

    static long parse(String ip) {
        if (ip == null) {
            throw new IllegalArgumentException("null");
        }
        String[] parts = ip.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(ip);
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException(ip);
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new IllegalArgumentException(ip);
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
