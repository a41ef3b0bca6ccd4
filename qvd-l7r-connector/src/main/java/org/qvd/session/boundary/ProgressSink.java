package org.qvd.session.boundary;

import io.netty.channel.ChannelHandlerContext;

import org.qvd.session.control.ProgressListener;

/** Turns backend progress texts into {@code 102 Processing} lines until the final response closes it. */
final class ProgressSink implements ProgressListener {

    private final ChannelHandlerContext ctx;
    private volatile boolean open = true;

    ProgressSink(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void progress(String text) {
        if (open) {
            ctx.executor().execute(() -> {
                if (open && ctx.channel().isActive()) {
                    ctx.writeAndFlush(QvdResponses.processing(ctx.alloc(), text));
                }
            });
        }
    }

    /** Called on the event loop before the final response, so no 102 can follow it. */
    void close() {
        open = false;
    }
}
