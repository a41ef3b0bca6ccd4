package org.qvd.l7r.session.boundary;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Reads the PROXY protocol header a TCP load balancer puts before the TLS bytes — the v1 text line (HAProxy
 * {@code send-proxy}) or the v2 binary header ({@code send-proxy-v2}) — so that throttling, logs and the VMAS (its
 * audit) see the client's address instead of the balancer's. Only on connections from a trusted balancer when
 * {@code qvd.l7r.proxy-protocol=true}; then a connection without a valid header is closed. {@code PROXY UNKNOWN},
 * v2 {@code LOCAL} (the balancer's own health checks) and v2 families other than TCP over IPv4/IPv6 keep the peer
 * address; v2 TLVs are skipped.
 */
final class ProxyProtocolDecoder extends ChannelInboundHandlerAdapter {

    static final AttributeKey<InetSocketAddress> CLIENT = AttributeKey.valueOf("qvd.proxied-client");
    private static final Logger LOG = Logger.getLogger(ProxyProtocolDecoder.class.getName());
    private static final int MAX_LINE = 107; // the v1 specification's limit, CRLF included
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int V2_FIXED = 16;
    private static final int V2_MAX_BODY = 4096; // addresses and TLVs; HAProxy sends a few dozen bytes

    private enum Read {
        MORE,
        BAD,
        DONE
    }

    private final java.util.function.BiPredicate<io.netty.channel.Channel, java.net.InetAddress> admit;
    private ByteBuf buffer;

    ProxyProtocolDecoder() {
        this((channel, client) -> true);
    }

    /** {@code admit} decides on the client named by the PROXY line (the per-address connection cap). */
    ProxyProtocolDecoder(java.util.function.BiPredicate<io.netty.channel.Channel, java.net.InetAddress> admit) {
        this.admit = admit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (buffer == null) {
            buffer = in;
        } else if (buffer instanceof CompositeByteBuf composite) {
            composite.addComponent(true, in);
        } else {
            buffer = ctx.alloc().compositeBuffer().addComponents(true, buffer, in);
        }
        if (!buffer.isReadable()) {
            return;
        }
        Read read = buffer.getByte(buffer.readerIndex()) == V2_SIGNATURE[0] ? readV2(ctx) : readV1(ctx);
        if (read == Read.MORE) {
            return;
        }
        if (read == Read.BAD) {
            refuse(ctx, "bad PROXY header");
            return;
        }
        InetSocketAddress client = ctx.channel().attr(CLIENT).get();
        if (client != null && !admit.test(ctx.channel(), client.getAddress())) {
            buffer.release();
            buffer = null;
            return; // the limiter closed it
        }
        ByteBuf rest = buffer;
        buffer = null;
        ctx.pipeline().remove(this);
        if (rest.isReadable()) {
            ctx.fireChannelRead(rest);
        } else {
            rest.release();
        }
    }

    private Read readV1(ChannelHandlerContext ctx) {
        int lf = buffer.indexOf(
                buffer.readerIndex(), Math.min(buffer.writerIndex(), buffer.readerIndex() + MAX_LINE), (byte) '\n');
        if (lf < 0) {
            return buffer.readableBytes() >= MAX_LINE ? Read.BAD : Read.MORE;
        }
        String line = buffer.toString(buffer.readerIndex(), lf - buffer.readerIndex(), StandardCharsets.US_ASCII)
                .stripTrailing();
        buffer.readerIndex(lf + 1);
        return accept(ctx, line) ? Read.DONE : Read.BAD;
    }

    /** The v2 binary header: signature, version/command, family/protocol, length, addresses, TLVs. */
    private Read readV2(ChannelHandlerContext ctx) {
        int r = buffer.readerIndex();
        int known = Math.min(buffer.readableBytes(), V2_SIGNATURE.length);
        for (int i = 0; i < known; i++) {
            if (buffer.getByte(r + i) != V2_SIGNATURE[i]) {
                return Read.BAD;
            }
        }
        if (buffer.readableBytes() < V2_FIXED) {
            return Read.MORE;
        }
        int versionCommand = buffer.getUnsignedByte(r + 12);
        int family = buffer.getUnsignedByte(r + 13);
        int length = buffer.getUnsignedShort(r + 14);
        int command = versionCommand & 0x0F;
        if (versionCommand >> 4 != 2 || command > 1 || length > V2_MAX_BODY) {
            return Read.BAD;
        }
        if (buffer.readableBytes() < V2_FIXED + length) {
            return Read.MORE;
        }
        int addressBytes = family == 0x11 ? 4 : family == 0x21 ? 16 : 0; // TCP over IPv4 / IPv6
        if (command == 1 && addressBytes > 0) { // PROXY: source address, destination address, source port, ...
            if (length < addressBytes * 2 + 4) {
                return Read.BAD;
            }
            byte[] source = new byte[addressBytes];
            buffer.getBytes(r + V2_FIXED, source);
            int port = buffer.getUnsignedShort(r + V2_FIXED + addressBytes * 2);
            try {
                ctx.channel().attr(CLIENT).set(new InetSocketAddress(java.net.InetAddress.getByAddress(source), port));
            } catch (java.net.UnknownHostException cannot) {
                return Read.BAD; // a 4- or 16-byte array is always an address
            }
        }
        buffer.readerIndex(r + V2_FIXED + length);
        return Read.DONE;
    }

    private static boolean accept(ChannelHandlerContext ctx, String line) {
        String[] f = line.split(" ");
        if (f.length >= 2 && f[0].equals("PROXY") && f[1].equals("UNKNOWN")) {
            return true;
        }
        if (f.length != 6 || !f[0].equals("PROXY") || !(f[1].equals("TCP4") || f[1].equals("TCP6"))) {
            return false;
        }
        try {
            int port = Integer.parseInt(f[4]);
            // an address literal: no name lookup happens
            ctx.channel().attr(CLIENT).set(new InetSocketAddress(java.net.InetAddress.getByName(literal(f[2])), port));
            return true;
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String literal(String address) {
        if (!address.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("not an address literal");
        }
        return address;
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        LOG.fine(() -> "Closing " + ctx.channel().remoteAddress() + ": " + why);
        buffer.release();
        buffer = null;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        ctx.fireChannelInactive();
    }
}
