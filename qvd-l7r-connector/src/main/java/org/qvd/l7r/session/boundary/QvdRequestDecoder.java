package org.qvd.l7r.session.boundary;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits the byte stream into request heads, one at a time: after a head it pauses until the handler has answered
 * ({@link #resume}), so nothing after a {@code connect_to_vm} is ever parsed as HTTP; when the decoder is removed
 * for the tunnel, bytes it holds go on to the next handler. Lines may end in CRLF or a bare LF (Qt client); leading
 * blank lines are skipped; folded header lines are joined. A head over {@code maxHeadBytes} or {@code maxHeaders}
 * gives a {@code 431}; a request announcing a body ({@code Content-Length} other than 0, any
 * {@code Transfer-Encoding}) a {@code 400} and the close, so that no request can hide in another's body.
 */
final class QvdRequestDecoder extends ChannelInboundHandlerAdapter {

    private final int maxHeadBytes;
    private final int maxHeaders;
    private ByteBuf buffer;
    private boolean paused;
    private boolean rejected;
    private boolean headStarted;

    /** Fired when the first byte of a request head has arrived (the header timeout starts then). */
    enum HeadStarted {
        INSTANCE
    }

    QvdRequestDecoder(int maxHeadBytes, int maxHeaders) {
        this.maxHeadBytes = maxHeadBytes;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (rejected) {
            in.release();
            return;
        }
        if (buffer == null) {
            buffer = in;
        } else if (buffer instanceof CompositeByteBuf composite) {
            composite.addComponent(true, in);
        } else {
            buffer = ctx.alloc().compositeBuffer(Integer.MAX_VALUE).addComponents(true, buffer, in);
        }
        if (paused && buffer.readableBytes() > maxHeadBytes) {
            reject(ctx, 431, "Request Header Fields Too Large");
            return;
        }
        decode(ctx);
    }

    /** Lets the next request through; called on the channel's event loop once a final response has been written. */
    void resume(ChannelHandlerContext ctx) {
        paused = false;
        decode(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (buffer != null) {
            ByteBuf left = buffer;
            buffer = null;
            if (left.isReadable() && !rejected) {
                ctx.fireChannelRead(left);
            } else {
                left.release();
            }
        }
    }

    private void decode(ChannelHandlerContext ctx) {
        if (paused || rejected || buffer == null) {
            return;
        }
        skipLeadingBlankLines();
        if (!headStarted && buffer.isReadable()) {
            headStarted = true;
            ctx.fireUserEventTriggered(HeadStarted.INSTANCE);
        }
        int end = endOfHead();
        if (end < 0) {
            if (buffer.readableBytes() > maxHeadBytes) {
                reject(ctx, 431, "Request Header Fields Too Large");
            }
            return;
        }
        if (end - buffer.readerIndex() > maxHeadBytes) {
            reject(ctx, 431, "Request Header Fields Too Large");
            return;
        }
        String head = buffer.toString(buffer.readerIndex(), end - buffer.readerIndex(), StandardCharsets.ISO_8859_1);
        buffer.readerIndex(end);
        discardIfEmpty();
        headStarted = false;
        Object parsed = parse(head);
        if (parsed instanceof RequestRejection r) {
            rejected = true;
            ctx.fireChannelRead(r);
            return;
        }
        paused = true;
        ctx.fireChannelRead(parsed);
    }

    private void skipLeadingBlankLines() {
        while (buffer.isReadable()) {
            byte b = buffer.getByte(buffer.readerIndex());
            if (b != '\r' && b != '\n') {
                return;
            }
            buffer.skipBytes(1);
        }
    }

    /** Index just past the empty line ending the head (LF LF or LF CR LF), or -1 when not there yet. */
    private int endOfHead() {
        int limit = buffer.writerIndex();
        for (int i = buffer.readerIndex(); i < limit; i++) {
            if (buffer.getByte(i) != '\n') {
                continue;
            }
            if (i + 1 < limit && buffer.getByte(i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < limit && buffer.getByte(i + 1) == '\r' && buffer.getByte(i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private Object parse(String head) {
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3
                || requestLine[0].isEmpty()
                || !requestLine[1].startsWith("/")
                || !requestLine[2].startsWith("HTTP/")) {
            return new RequestRejection(400, "Bad Request");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(new AbstractMap.SimpleImmutableEntry<>(last.getKey(), last.getValue() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                return new RequestRejection(400, "Bad Request");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        if (headers.size() > maxHeaders) {
            return new RequestRejection(431, "Request Header Fields Too Large");
        }
        if (hasBody(headers)) {
            // QVD requests never have one; one that is not read would be parsed as the next request (smuggling)
            return new RequestRejection(400, "Request bodies are not accepted");
        }
        return new QvdRequest(requestLine[0], requestLine[1], requestLine[2], headers);
    }

    /** Any Transfer-Encoding, or any Content-Length other than 0. */
    private static boolean hasBody(List<Map.Entry<String, String>> headers) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Transfer-Encoding")
                    || h.getKey().equalsIgnoreCase("Content-Length")
                            && !h.getValue().equals("0")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isToken(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }

    private void reject(ChannelHandlerContext ctx, int status, String text) {
        rejected = true;
        buffer.release();
        buffer = null;
        ctx.fireChannelRead(new RequestRejection(status, text));
    }

    private void discardIfEmpty() {
        if (!buffer.isReadable()) {
            buffer.release();
            buffer = null;
        } else if (buffer.readerIndex() > 0) {
            ByteBuf rest = buffer.copy();
            buffer.release();
            buffer = rest;
        }
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
