package org.qvd.protocol.vm;

import java.util.regex.Pattern;

/** Checks shared by the VM messages, so a bad value is refused where it is decoded, not deep in a handler. */
final class VmIds {

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private VmIds() {}

    static void requirePositive(long vmId) {
        if (vmId <= 0) {
            throw new IllegalArgumentException("vmId must be positive, was " + vmId);
        }
    }

    static void requireMac(String mac) {
        if (mac == null || !MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("mac must be lower-case aa:bb:cc:dd:ee:ff, was " + mac);
        }
    }

    static void requireIpv4(String ip) {
        if (ip == null || !IPV4.matcher(ip).matches()) {
            throw new IllegalArgumentException("ip must be a dotted IPv4 address, was " + ip);
        }
    }
}
