package org.qvd.client.session.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies bytes both ways between the local NX viewer and the upgraded L7R stream until either side
 * closes, then closes both. Blocking writes give back-pressure: a slow side slows the other down.
 */
public final class Tunnel {

    /** Which side ended the tunnel first. */
    public enum End {
        VIEWER_CLOSED,
        SERVER_CLOSED
    }

    /** How the tunnel ended and how many bytes went each way. */
    public record Result(End end, long bytesToServer, long bytesToViewer) {}

    private static final int BUFFER = 16 * 1024;

    private Tunnel() {}

    public static Result run(Socket viewer, Upgraded server) throws InterruptedException, IOException {
        AtomicReference<End> end = new AtomicReference<>();
        AtomicLong up = new AtomicLong();
        AtomicLong down = new AtomicLong();
        CountDownLatch firstDone = new CountDownLatch(1);
        Thread toServer = pump(
                "nx-to-server",
                viewer::getInputStream,
                server.out(),
                up,
                side -> finish(end, side ? End.VIEWER_CLOSED : End.SERVER_CLOSED, firstDone));
        Thread toViewer = pump(
                "nx-to-viewer",
                server::in,
                viewer.getOutputStream(),
                down,
                side -> finish(end, side ? End.SERVER_CLOSED : End.VIEWER_CLOSED, firstDone));
        try {
            toServer.start();
            toViewer.start();
            firstDone.await();
        } finally {
            closeQuietly(viewer);
            closeQuietly(server.socket());
        }
        toServer.join(5000);
        toViewer.join(5000);
        return new Result(end.get(), up.get(), down.get());
    }

    private static void finish(AtomicReference<End> end, End which, CountDownLatch firstDone) {
        end.compareAndSet(null, which);
        firstDone.countDown();
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    /** Told {@code true} when the source side ended (EOF or read error), {@code false} when the sink failed. */
    private interface Ended {
        void sourceSide(boolean source);
    }

    private static Thread pump(String name, Source source, OutputStream sink, AtomicLong counter, Ended ended) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[BUFFER];
                    boolean sourceEnded = true;
                    try (InputStream in = source.open()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            sourceEnded = false;
                            sink.write(buffer, 0, n);
                            sink.flush();
                            counter.addAndGet(n);
                            sourceEnded = true;
                        }
                    } catch (IOException e) {
                        // a reset, or a close by the other pump: the tunnel ends either way
                    } finally {
                        ended.sourceSide(sourceEnded);
                    }
                },
                name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
