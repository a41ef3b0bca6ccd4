package org.qvd.session.boundary;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Reads the PROXY protocol v1 line a TCP load balancer (HAProxy {@code send-proxy}) puts before the TLS bytes, so
 * that throttling and logs see the client's address instead of the balancer's. Only enabled when
 * {@code qvd.l7r.proxy-protocol=true}; then a connection without a valid line is closed. {@code PROXY UNKNOWN}
 * (the balancer's own health checks) keeps the peer address.
 */
final class ProxyProtocolDecoder extends ChannelInboundHandlerAdapter {

    static final AttributeKey<InetSocketAddress> CLIENT = AttributeKey.valueOf("qvd.proxied-client");
    private static final Logger LOG = Logger.getLogger(ProxyProtocolDecoder.class.getName());
    private static final int MAX_LINE = 107; // the v1 specification's limit, CRLF included

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
        int lf = buffer.indexOf(buffer.readerIndex(), Math.min(buffer.writerIndex(), buffer.readerIndex() + MAX_LINE),
                (byte) '\n');
        if (lf < 0) {
            if (buffer.readableBytes() >= MAX_LINE) {
                refuse(ctx, "no PROXY line");
            }
            return;
        }
        String line = buffer.toString(buffer.readerIndex(), lf - buffer.readerIndex(), StandardCharsets.US_ASCII)
                .stripTrailing();
        buffer.readerIndex(lf + 1);
        if (!accept(ctx, line)) {
            refuse(ctx, "bad PROXY line");
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
