package org.qvd.l7r.session.boundary;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.l7r.platform.TlsContexts;
import org.qvd.l7r.platform.TrustedProxies;
import org.qvd.l7r.session.control.FailureCounters;
import org.qvd.l7r.session.control.LoginThrottle;
import org.qvd.l7r.session.control.SessionBackend;

/**
 * The L7R's TLS listener for QVD clients. Non-blocking (Netty NIO): an idle client costs a socket and a few
 * kilobytes, not a thread; backend calls run on the given {@code worker} executor.
 */
public final class L7rListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(L7rListener.class.getName());

    private final ConnectorConfig config;
    private final SSLContext sslContext;
    private final ConnectorContext context;
    private final ConnectionLimiter limiter;
    private final Executor eventLoops;
    private final java.util.function.Predicate<java.net.InetAddress> readsProxyHeader;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    public L7rListener(ConnectorConfig config, SSLContext sslContext, SessionBackend backend, Executor worker) {
        this(config, sslContext, backend, worker, reason -> {});
    }

    /** {@code onRefusal} hears of every connection refused by a cap, with the cap's name (for a metric). */
    public L7rListener(
            ConnectorConfig config,
            SSLContext sslContext,
            SessionBackend backend,
            Executor worker,
            Consumer<String> onRefusal) {
        this(config, sslContext, backend, worker, onRefusal, null);
    }

    /**
     * {@code eventLoops} runs each Netty event loop (one long task per loop: the server's managed threads inside
     * WildFly, see {@code org.qvd.l7r.adapter}); {@code null} makes the listener's own daemon threads (tests,
     * the bench's {@code ConnectorMain}).
     */
    public L7rListener(
            ConnectorConfig config,
            SSLContext sslContext,
            SessionBackend backend,
            Executor worker,
            Consumer<String> onRefusal,
            Executor eventLoops) {
        this.config = config;
        this.eventLoops = eventLoops;
        this.sslContext = sslContext;
        // a backend that offers shared counters (the VMAS's database) makes the throttle count across the cluster
        FailureCounters counters = backend instanceof FailureCounters shared
                ? shared
                : FailureCounters.inMemory(LoginThrottle.MAX_ENTRIES);
        LoginThrottle throttle = new LoginThrottle(
                config.maxLoginFailures(),
                config.loginFailureWindow(),
                config.loginLock(),
                Duration.ofHours(1),
                config.repeatedFailureWindow(),
                config.throttledDelay(),
                config.maxLoginSlowdown(),
                Clock.systemUTC(),
                counters);
        this.context = new ConnectorContext(config, backend, worker, throttle, new AtomicBoolean());
        TrustedProxies proxies = TrustedProxies.parse(config.proxyTrusted());
        this.readsProxyHeader = peer -> config.proxyProtocol() && proxies.trusts(peer);
        this.limiter = new ConnectionLimiter(
                config.effectiveMaxConnections(), config.maxConnectionsPerAddress(), readsProxyHeader, onRefusal);
    }

    /** Binds and returns the bound address (useful with port 0). */
    public synchronized InetSocketAddress start() throws InterruptedException {
        if (serverChannel != null) {
            return (InetSocketAddress) serverChannel.localAddress();
        }
        if (eventLoops == null) {
            bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("qvd-l7r-accept", true));
            workerGroup = new NioEventLoopGroup(config.workerThreads(), new DefaultThreadFactory("qvd-l7r-io", true));
        } else {
            bossGroup = new NioEventLoopGroup(1, eventLoops);
            workerGroup = new NioEventLoopGroup(config.workerThreads(), eventLoops);
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TunnelRelay.WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = new SslHandler(TlsContexts.serverEngine(sslContext));
                        tls.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
                        ch.pipeline().addLast("limiter", limiter);
                        if (readsProxyHeader.test(ch.remoteAddress().getAddress())) {
                            ch.pipeline().addLast("proxy-protocol", new ProxyProtocolDecoder(limiter::admitProxied));
                        }
                        ch.pipeline()
                                .addLast("tls", tls)
                                .addLast("decoder", new QvdRequestDecoder(config.maxHeaderBytes(), config.maxHeaders()))
                                .addLast("qvd", new QvdRequestHandler(context));
                    }
                });
        try {
            serverChannel =
                    bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        } catch (Throwable e) { // also the BindException Netty throws without declaring it
            stop(); // the event loops must end: inside WildFly they hold the server's managed threads
            throw e;
        }
        // on the worker: with shared counters a purge is a database statement
        workerGroup.scheduleAtFixedRate(() -> purgeThrottle(context.worker()), 1, 1, TimeUnit.MINUTES);
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info(() -> "QVD L7R listening on " + bound + " " + config.summary());
        return bound;
    }

    private void purgeThrottle(Executor worker) {
        try {
            worker.execute(() -> {
                try {
                    context.throttle().purge();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not purge the login throttle's counters", e);
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.fine("login throttle purge skipped: the worker is busy");
        }
    }

    /** Connections refused by the caps since start. */
    public long refusedConnections() {
        return limiter.refused();
    }

    /** Refuses new work ({@code ping} answers 503), closes the listener and every connection. */
    public synchronized void stop() {
        context.stopping().set(true);
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            bossGroup = null;
            workerGroup = null;
            LOG.info("QVD L7R stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }
}
