package org.qvd.client.nx.control;

import java.io.IOException;
import org.qvd.client.session.entity.Link;

/** Starts the local NX side that connects to the client's forwarded port on 127.0.0.1. */
public interface NxViewer {

    RunningViewer start(int localPort, String cookie, Link link) throws IOException;

    /** A started viewer; closing it stops it. */
    interface RunningViewer extends AutoCloseable {

        boolean alive();

        /** What to tell the user when the viewer failed (e.g. the tail of its log). */
        String diagnostics();

        @Override
        void close();
    }
}
