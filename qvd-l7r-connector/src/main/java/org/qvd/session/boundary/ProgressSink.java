package org.qvd.session.boundary;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;

import org.qvd.session.control.ProgressListener;

/**
 * Turns backend progress texts into {@code 102 Processing} lines until the final response closes it. While open,
 * it repeats the last text when nothing was sent for {@code heartbeat}, so a load balancer's idle timeout does not
 * cut a client waiting for a slow VM boot.
 */
final class ProgressSink implements ProgressListener {

    private final ChannelHandlerContext ctx;
    private volatile boolean open = true;
    private String lastText = "Please wait";
    private long lastSentNanos = System.nanoTime();
    private ScheduledFuture<?> heartbeat;

    ProgressSink(ChannelHandlerContext ctx, Duration heartbeatInterval) {
        this.ctx = ctx;
        if (!heartbeatInterval.isZero()) {
            long millis = heartbeatInterval.toMillis();
            heartbeat = ctx.executor().scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastSentNanos >= TimeUnit.MILLISECONDS.toNanos(millis) - 1_000_000) {
                    send(lastText);
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void progress(String text) {
        if (open) {
            ctx.executor().execute(() -> send(text));
        }
    }

    private void send(String text) {
        if (open && ctx.channel().isActive()) {
            lastText = text;
            lastSentNanos = System.nanoTime();
            ctx.writeAndFlush(QvdResponses.processing(ctx.alloc(), text));
        }
    }

    /** Called on the event loop before the final response, so no 102 can follow it. */
    void close() {
        open = false;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }
}
