package org.qvd.desktop.session.boundary;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A relay's watch on its browser. A browser that vanishes without closing its connection (a cut network, a laptop
 * put to sleep, a NAT that forgot the flow: no FIN, no reset) is otherwise never noticed, and its session stays
 * "connected" for as long as the kernel keeps retrying. So the relay pings the browser every {@link #INTERVAL} (a
 * WebSocket ping, which every browser answers by itself) and counts anything it hears (a pong or the browser's
 * bytes) as alive; after {@link #DEAD_AFTER} of silence the relay ends (the VM side is closed, the connection is
 * recorded as ended, the session is free for the next client). Settings: {@code qvd.desktop.keepalive.seconds}
 * (the ping interval, default 5) and {@code qvd.desktop.keepalive.dead.seconds} (default 20), or the environment
 * variables {@code QVD_DESKTOP_KEEPALIVE_SECONDS} and {@code QVD_DESKTOP_KEEPALIVE_DEAD_SECONDS}.
 */
final class KeepAlive {
    private static final Logger LOG = Logger.getLogger(KeepAlive.class.getName());

    static final Duration INTERVAL = seconds("qvd.desktop.keepalive.seconds", 5);
    static final Duration DEAD_AFTER = seconds("qvd.desktop.keepalive.dead.seconds", 20);

    private final Session browser;
    private final Runnable dead;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile long lastHeard = System.nanoTime();
    private volatile ScheduledFuture<?> ticks;

    private KeepAlive(Session browser, Runnable dead) {
        this.browser = browser;
        this.dead = dead;
    }

    /** Starts pinging {@code browser}; {@code dead} runs once, on the timer's thread, when it stops answering. */
    static KeepAlive start(ManagedScheduledExecutorService timer, Session browser, Runnable dead) {
        KeepAlive keepAlive = new KeepAlive(browser, dead);
        long every = INTERVAL.toMillis();
        keepAlive.ticks = timer.scheduleWithFixedDelay(keepAlive::tick, every, every, TimeUnit.MILLISECONDS);
        return keepAlive;
    }

    /** The browser said something (a pong, bytes): it is there. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** The relay ended by itself: no more pings. */
    void stop() {
        over.set(true);
        ScheduledFuture<?> t = ticks;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void tick() {
        if (over.get()) {
            return;
        }
        Duration silent = Duration.ofNanos(System.nanoTime() - lastHeard);
        if (silent.compareTo(DEAD_AFTER) >= 0) {
            if (over.compareAndSet(false, true)) {
                LOG.info(() -> "a browser did not answer for " + silent.toSeconds() + " s: its relay ends");
                stop();
                dead.run();
            }
            return;
        }
        try {
            synchronized (browser) { // as the relay's sends (VncTunnel#pump): one started at a time
                browser.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "pinging a browser", e); // its silence will end the relay
        }
    }

    /** The system property, else the environment variable of its name ({@code QVD_DESKTOP_KEEPALIVE_SECONDS}). */
    private static Duration seconds(String key, int fallback) {
        String value = System.getProperty(
                key, System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_')));
        int seconds = fallback;
        if (value != null) {
            try {
                seconds = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                LOG.warning(() -> key + " is not a number of seconds: " + LogSafe.of(value) + "; using " + fallback);
            }
        }
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
