package org.qvd.l7r.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers whose PROXY protocol header the L7R believes ({@code qvd.l7r.proxy-trusted}: addresses and CIDR
 * blocks, comma-separated, e.g. {@code 10.0.0.5, 10.1.0.0/16, fd00::/8}). Empty: every peer must send one (the
 * L7R's port is reachable from the balancers only). A peer not in a non-empty list is a client itself: no header is
 * read from it, so it cannot claim another address.
 */
public final class TrustedProxies {

    private record Block(byte[] network, int prefix) {}

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @throws IllegalArgumentException naming the entry that is no address literal or CIDR block */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            String address = slash < 0 ? e : e.substring(0, slash);
            if (!address.matches("[0-9a-fA-F.:]+")) {
                throw new IllegalArgumentException("qvd.l7r.proxy-trusted: '" + e + "' is no address or CIDR block");
            }
            try {
                byte[] network = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(e.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("qvd.l7r.proxy-trusted: '" + e + "' has a bad prefix length");
                }
                blocks.add(new Block(network, prefix));
            } catch (UnknownHostException | NumberFormatException bad) {
                throw new IllegalArgumentException(
                        "qvd.l7r.proxy-trusted: '" + e + "' is no address or CIDR block", bad);
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    /** True when the list is empty (every peer is a balancer) or names this peer. */
    public boolean trusts(InetAddress peer) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] a = peer.getAddress();
        for (Block b : blocks) {
            if (b.network().length == a.length && matches(a, b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] address, Block block) {
        int bits = block.prefix();
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((address[i] & mask) != (block.network()[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "any peer" : blocks.size() + " address blocks";
    }
}
