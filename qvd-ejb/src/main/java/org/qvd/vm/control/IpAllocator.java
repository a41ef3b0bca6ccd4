package org.qvd.vm.control;

import java.util.Set;
import org.qvd.vmas.platform.InvalidInputException;
import org.qvd.vmas.platform.QvdException;

/**
 * Hands out the lowest free IPv4 address of an inclusive range. Pure: the caller passes the
 * addresses in use (the database's unique constraint is the last guard against a race).
 */
public final class IpAllocator {

    private final long start;
    private final long end;
    private final String startText;
    private final String endText;

    public IpAllocator(String start, String end) {
        this.startText = start;
        this.endText = end;
        this.start = parseConfigured(start, "vm.network.ip.start");
        this.end = parseConfigured(end, "vm.network.ip.end");
        if (this.end < this.start) {
            throw new QvdException("config.invalid_value", 500,
                    "vm.network.ip.end " + end + " is before vm.network.ip.start " + start);
        }
    }

    /** The lowest address of the range not in {@code used}. */
    public String next(Set<String> used) {
        for (long ip = start; ip <= end; ip++) {
            String candidate = format(ip);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        throw new IpRangeExhaustedException(startText, endText);
    }

    public boolean contains(String ip) {
        long v = parse(ip);
        return v >= start && v <= end;
    }

    /** Normalises and checks an address an admin typed. */
    public static String normalise(String ip) {
        try {
            return format(parse(ip));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("vm.ip_invalid", "'" + ip + "' is not an IPv4 address");
        }
    }

    private static long parseConfigured(String ip, String key) {
        try {
            return parse(ip);
        } catch (IllegalArgumentException e) {
            throw new QvdException("config.invalid_value", 500, key + " '" + ip + "' is not an IPv4 address");
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
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
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
