package org.qvd.vmas.vm.control;

import java.util.Locale;
import java.util.Set;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.config.entity.ConfigError;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.vm.entity.VmError;

/**
 * The VM network as the VMAS hands it out: the hosts' network (gateway and netmask, global settings that match the
 * host agents' {@code vm.network.address}/{@code .netmask}) and the range VMs take their IPs from (per tenant). A VM's
 * IP lies in the range and inside the network, and is never the network's address, its broadcast or the gateway:
 * an address outside would route a VM's traffic somewhere else or hand it the bridge's own address. Pure.
 */
public final class VmNetwork {

    private final long gateway;
    private final long mask;
    private final long start;
    private final long end;
    private final String description;

    public VmNetwork(String gateway, String netmask, String rangeStart, String rangeEnd) {
        this.gateway = configured(gateway, VmConfigKeys.GATEWAY.name());
        this.mask = configured(netmask, VmConfigKeys.NETMASK.name());
        if (!contiguous(mask) || mask == 0xFFFFFFFFL || mask == 0xFFFFFFFEL) {
            throw new QvdException(
                    ConfigError.INVALID_VALUE, 500, "vm.network.netmask " + netmask + " is no usable netmask");
        }
        this.start = configured(rangeStart, VmConfigKeys.IP_START.name());
        this.end = configured(rangeEnd, VmConfigKeys.IP_END.name());
        this.description = rangeStart + " – " + rangeEnd + " in " + Ipv4.format(network()) + "/" + Long.bitCount(mask)
                + " (gateway " + gateway + ")";
        if (end < start || !inNetwork(start) || !inNetwork(end)) {
            throw new ConflictException(
                    VmError.IP_RANGE_INVALID,
                    "the VM range " + rangeStart + " – " + rangeEnd
                            + " (config vm.network.ip.start / vm.network.ip.end) is not inside the VM network "
                            + Ipv4.format(network()) + "/" + Long.bitCount(mask));
        }
    }

    /** The network and the tenant's range as configured: network settings global, the range per tenant. */
    public static VmNetwork of(ConfigResolver config, long tenantId) {
        return new VmNetwork(
                config.get(null, VmConfigKeys.GATEWAY),
                config.get(null, VmConfigKeys.NETMASK),
                config.get(tenantId, VmConfigKeys.IP_START),
                config.get(tenantId, VmConfigKeys.IP_END));
    }

    /** The address as stored, when a VM may have it; refused with {@code vm.ip_out_of_range} otherwise. */
    public String requireUsable(String ip) {
        String normal = Ipv4.normalise(ip);
        if (!usable(Ipv4.parse(normal))) {
            throw new InvalidInputException(
                    VmError.IP_OUT_OF_RANGE,
                    "IP " + normal + " is not a VM address: VMs take " + "their IPs from " + description
                            + ", never the network's, broadcast or gateway address");
        }
        return normal;
    }

    /** The lowest usable address of the range not in {@code used}. */
    public String next(Set<String> used) {
        for (long ip = start; ip <= end; ip++) {
            String candidate = Ipv4.format(ip);
            if (usable(ip) && !used.contains(candidate)) {
                return candidate;
            }
        }
        throw new IpRangeExhaustedException(Ipv4.format(start), Ipv4.format(end));
    }

    /**
     * The VM's MAC: a two-octet, locally administered unicast prefix followed by the four octets of its IP. IPs are
     * unique, so MACs are: no two VMs share one, whatever their networks (the last three octets alone did not).
     */
    public static String mac(String prefix, String ip) {
        long v = Ipv4.parse(ip);
        return String.format(
                Locale.ROOT,
                "%s:%02x:%02x:%02x:%02x",
                macPrefix(prefix),
                (v >> 24) & 255,
                (v >> 16) & 255,
                (v >> 8) & 255,
                v & 255);
    }

    /** Checks a MAC prefix: two hex octets, the first with the locally-administered bit set and no multicast bit. */
    public static String macPrefix(String prefix) {
        String p = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f]{2}:[0-9a-f]{2}")) {
            throw new IllegalArgumentException("a MAC prefix is two octets, e.g. 02:51");
        }
        int first = Integer.parseInt(p.substring(0, 2), 16);
        if ((first & 0x02) == 0 || (first & 0x01) != 0) {
            throw new IllegalArgumentException("a VM MAC prefix must be locally administered unicast (x2, x6, xa, xe)");
        }
        return p;
    }

    private boolean usable(long ip) {
        return ip >= start && ip <= end && inNetwork(ip) && ip != network() && ip != broadcast() && ip != gateway;
    }

    private boolean inNetwork(long ip) {
        return (ip & mask) == network();
    }

    private long network() {
        return gateway & mask;
    }

    private long broadcast() {
        return network() | (~mask & 0xFFFFFFFFL);
    }

    private static boolean contiguous(long mask) {
        long inverted = ~mask & 0xFFFFFFFFL;
        return (inverted & (inverted + 1)) == 0;
    }

    private static long configured(String ip, String key) {
        try {
            return Ipv4.parse(ip);
        } catch (IllegalArgumentException e) {
            throw new QvdException(ConfigError.INVALID_VALUE, 500, key + " '" + ip + "' is not an IPv4 address");
        }
    }
}
