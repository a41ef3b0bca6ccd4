package org.qvd.l7r.session.boundary;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Caps open client connections, globally and per client address, before a byte of TLS is spent on them: a flood
 * of idle connections from one address (each holding a descriptor until its timeout) cannot starve the others.
 * A connection over a cap is closed at once; each refusal is counted ({@link #refused}) and reported to
 * {@code onRefusal} with its reason ({@code global} or {@code per-address}), which feeds the server's metrics.
 * Behind a load balancer with the PROXY protocol the per-address cap applies to the address in the PROXY line
 * ({@link #admitProxied}), not to the balancer's.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ConnectionLimiter.class.getName());
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("qvd.limiter.address");

    private final int maxConnections;
    private final int maxPerAddress;
    private final Predicate<InetAddress> perAddressFromProxyLine;
    private final Consumer<String> onRefusal;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();

    /** {@code perAddressFromProxyLine}: the peers that send a PROXY header (counted by its address instead). */
    ConnectionLimiter(
            int maxConnections,
            int maxPerAddress,
            Predicate<InetAddress> perAddressFromProxyLine,
            Consumer<String> onRefusal) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.perAddressFromProxyLine = perAddressFromProxyLine;
        this.onRefusal = onRefusal;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refuse(channel, "global", "the L7R holds " + maxConnections + " connections (max-connections)");
            return;
        }
        channel.closeFuture().addListener(f -> open.decrementAndGet());
        InetAddress peer = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        if (!perAddressFromProxyLine.test(peer) && !admitFrom(channel, peer)) {
            return;
        }
        ctx.fireChannelActive();
    }

    /** The per-address cap for the client named by a PROXY line; false (and closed) when over it. */
    boolean admitProxied(Channel channel, InetAddress client) {
        return admitFrom(channel, client);
    }

    private boolean admitFrom(Channel channel, InetAddress address) {
        if (maxPerAddress <= 0) {
            return true;
        }
        AtomicInteger count = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerAddress) {
            release(address, count);
            refuse(
                    channel,
                    "per-address",
                    address.getHostAddress() + " holds " + maxPerAddress
                            + " connections (max-connections-per-address)");
            return false;
        }
        channel.attr(COUNTED).set(address);
        channel.closeFuture().addListener(f -> release(address, count));
        return true;
    }

    private void release(InetAddress address, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            perAddress.remove(address, count);
        }
    }

    private void refuse(Channel channel, String reason, String why) {
        refused.incrementAndGet();
        onRefusal.accept(reason);
        long now = System.nanoTime();
        long last = lastWarning.get();
        // one line per 10 s at most: a flood must not flood the log too
        if (now - last > 10_000_000_000L && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "Refusing connections: " + why + "; " + refused.get() + " refused so far");
        }
        channel.close();
    }

    long refused() {
        return refused.get();
    }

    int open() {
        return open.get();
    }
}
