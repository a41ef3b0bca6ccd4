package org.qvd.vmas.directory.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Sockets with a read timeout from birth: the TLS handshake runs before the LDAP library applies its own limits, and a
 * server that accepts but never answers would otherwise hold the handshake (and every login waiting for it) forever.
 */
final class BoundedSockets extends SocketFactory {

    private final SocketFactory delegate;
    private final int timeoutMillis;

    BoundedSockets(SocketFactory delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    private Socket bounded(Socket socket) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return bounded(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return bounded(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return bounded(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return bounded(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return bounded(delegate.createSocket(address, port, localAddress, localPort));
    }
}
