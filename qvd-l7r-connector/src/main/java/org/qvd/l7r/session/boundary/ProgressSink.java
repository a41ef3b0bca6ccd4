package org.qvd.l7r.session.boundary;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.qvd.l7r.session.control.ProgressListener;

/**
 * Turns backend progress texts into {@code 102 Processing} lines until the final response closes it. While open,
 * it repeats the last text whenever nothing was sent for {@code heartbeat} — counted from the last {@code 102},
 * so the gap between two is never longer — and a load balancer's idle timeout does not cut a client waiting for a
 * slow VM boot. All sending happens on the channel's event loop.
 */
final class ProgressSink implements ProgressListener {

    private final ChannelHandlerContext ctx;
    private final long heartbeatMillis;
    private volatile boolean open = true;
    private String lastText = "Please wait";
    private ScheduledFuture<?> heartbeat;

    ProgressSink(ChannelHandlerContext ctx, Duration heartbeatInterval) {
        this.ctx = ctx;
        this.heartbeatMillis = heartbeatInterval.toMillis();
        if (ctx.executor().inEventLoop()) {
            scheduleHeartbeat();
        } else {
            ctx.executor().execute(this::scheduleHeartbeat);
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
            ctx.writeAndFlush(QvdResponses.processing(ctx.alloc(), text));
            scheduleHeartbeat();
        }
    }

    /** (Re)starts the countdown to the next repeat, from now. */
    private void scheduleHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (open && heartbeatMillis > 0) {
            heartbeat = ctx.executor().schedule(() -> send(lastText), heartbeatMillis, TimeUnit.MILLISECONDS);
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
