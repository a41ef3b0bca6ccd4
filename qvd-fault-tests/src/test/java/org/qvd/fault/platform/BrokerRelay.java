package org.qvd.fault.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between a host agent and its broker (WildFly's HTTPS port, upgraded to Artemis; TLS runs end to end
 * through it, untouched). Bytes pass both ways until {@link #holdAgentBytes()}: from then on, what the agent sends on
 * the connections open at that moment is read and counted but never forwarded, while the broker's bytes still reach
 * the agent. So the agent takes a command and acknowledges it, but the broker never hears of it: the state a broker
 * killed right after delivering a command is left in. Connections opened later pass again.
 */
public final class BrokerRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicLong held = new AtomicLong();
    private volatile boolean closed;

    private BrokerRelay(ServerSocket server, int brokerPort) {
        this.server = server;
        this.brokerPort = brokerPort;
        Thread accepter = new Thread(this::accept, "broker-relay-accept");
        accepter.setDaemon(true);
        accepter.start();
    }

    /** Listens on 127.0.0.1:{@code port}, relaying each connection to 127.0.0.1:{@code brokerPort}. */
    public static BrokerRelay start(int port, int brokerPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new BrokerRelay(server, brokerPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on the agent's bytes on the connections open now are swallowed (counted in {@link #heldBytes()}). */
    public void holdAgentBytes() {
        links.forEach(l -> l.holding = true);
    }

    /** Bytes the agent sent that the broker never got. */
    public long heldBytes() {
        return held.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket agent = server.accept();
                Socket broker = new Socket();
                try {
                    broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort), 5_000);
                } catch (IOException brokerDown) {
                    agent.close(); // as the broker itself would: nothing listens
                    continue;
                }
                Link link = new Link(agent, broker);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!closed) {
                    System.out.println("broker relay: accept failed: " + e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Link link : links) {
            link.close();
        }
    }

    /** One agent connection and its broker side. */
    private final class Link {
        private final Socket agent;
        private final Socket broker;
        volatile boolean holding;

        Link(Socket agent, Socket broker) {
            this.agent = agent;
            this.broker = broker;
        }

        void start() throws IOException {
            pump(agent.getInputStream(), broker.getOutputStream(), true);
            pump(broker.getInputStream(), agent.getOutputStream(), false);
        }

        private void pump(InputStream from, OutputStream to, boolean fromAgent) {
            Thread t = new Thread(
                    () -> {
                        byte[] buffer = new byte[16_384];
                        try {
                            for (int n; (n = from.read(buffer)) >= 0; ) {
                                if (fromAgent && holding) {
                                    held.addAndGet(n);
                                } else {
                                    to.write(buffer, 0, n);
                                    to.flush();
                                }
                            }
                        } catch (IOException ended) {
                            // either side went away: both are closed below, as a dead peer's would be
                        } finally {
                            close();
                        }
                    },
                    fromAgent ? "broker-relay-from-agent" : "broker-relay-to-agent");
            t.setDaemon(true);
            t.start();
        }

        void close() {
            links.remove(this);
            try {
                agent.close();
                broker.close();
            } catch (IOException ignored) {
                // closing a socket twice or after its peer
            }
        }
    }
}
