package org.qvd.l7r.session.boundary;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The raw byte copy between a client (after {@code 101}) and the VM's NX agent. Back-pressure: when one side's
 * outbound buffer passes the high water mark, the other side stops reading until it drains, so a slow reader never
 * makes the L7R buffer more than about one water mark per direction. Either side closing closes both, once.
 */
final class TunnelRelay {

    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);
    private static final Logger LOG = Logger.getLogger(TunnelRelay.class.getName());

    private final Channel client;
    private final Channel agent;
    private final Instant connectedAt;
    private final Consumer<org.qvd.l7r.session.entity.ConnectionTraffic> onClose;
    private final AtomicLong fromClient = new AtomicLong();
    private final AtomicLong toClient = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TunnelRelay(
            Channel client,
            Channel agent,
            Instant connectedAt,
            Consumer<org.qvd.l7r.session.entity.ConnectionTraffic> onClose) {
        this.client = client;
        this.agent = agent;
        this.connectedAt = connectedAt;
        this.onClose = onClose;
    }

    /**
     * Replaces the request handling in the client pipeline ({@code ctx} is the request handler's context) by the
     * relay; bytes the request decoder still holds are relayed first.
     */
    static TunnelRelay install(
            ChannelHandlerContext ctx,
            Channel agent,
            Duration idleTimeout,
            Instant connectedAt,
            Consumer<org.qvd.l7r.session.entity.ConnectionTraffic> onClose) {
        Channel client = ctx.channel();
        TunnelRelay relay = new TunnelRelay(client, agent, connectedAt, onClose);
        client.config().setWriteBufferWaterMark(WATER_MARK);
        if (!idleTimeout.isZero()) {
            client.pipeline()
                    .addLast("tunnel-idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        client.pipeline().addLast("tunnel", relay.new Side(agent, relay.fromClient));
        agent.pipeline().addLast("tunnel", relay.new Side(client, relay.toClient));
        client.pipeline().remove(ctx.handler());
        client.pipeline().remove(QvdRequestDecoder.class); // relays what the decoder still held...
        agent.flush(); // ...which came without a read-complete to flush it
        client.config().setAutoRead(true);
        agent.config().setAutoRead(true);
        if (!agent.isActive()) {
            relay.close();
        }
        return relay;
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        agent.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        org.qvd.l7r.session.entity.ConnectionTraffic traffic =
                new org.qvd.l7r.session.entity.ConnectionTraffic(connectedAt, fromClient.get(), toClient.get());
        LOG.info(() -> "Tunnel closed after "
                + Duration.between(connectedAt, Instant.now()).toSeconds() + " s: " + traffic.bytesFromClient()
                + " bytes from the client, " + traffic.bytesToClient() + " to it");
        onClose.accept(traffic);
    }

    /** One direction: what this channel reads goes to {@code peer}. */
    private final class Side extends ChannelInboundHandlerAdapter {
        private final Channel peer;
        private final AtomicLong counter;

        Side(Channel peer, AtomicLong counter) {
            this.peer = peer;
            this.counter = counter;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes) {
                counter.addAndGet(bytes.readableBytes());
            }
            peer.write(msg, peer.voidPromise());
            if (!peer.isWritable()) {
                ctx.channel().config().setAutoRead(false);
                peer.flush();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            peer.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            peer.config().setAutoRead(ctx.channel().isWritable());
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            close();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                LOG.info("Closing an idle tunnel");
                close();
            } else if (evt instanceof SslCloseCompletionEvent) {
                close(); // the client sent close_notify
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.FINE, "Tunnel error", cause);
            close();
        }
    }
}
