package org.qvd.fault.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A QVD client's connection through the L7R, as the wire protocol has it: TLS, {@code connect_to_vm} with
 * {@code Upgrade: QVD/1.0}, interim {@code 102}s, {@code 101}, then raw bytes both ways (nothing checks the
 * server's certificate: this client proves what the tunnel carries, not who the server is).
 */
public final class ClientTunnel implements AutoCloseable {

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    /** Connects to the VM and returns once the L7R switched protocols; fails with the L7R's final answer otherwise. */
    public static ClientTunnel open(int l7rPort, String login, String password, long vmId) throws IOException {
        ClientTunnel tunnel = new ClientTunnel(l7rPort);
        String auth = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        tunnel.out.write(("GET /qvd/connect_to_vm?id=" + vmId + "&qvd.client.link=adsl&qvd.client.os=linux"
                + "&qvd.client.geometry=1024x768 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        tunnel.out.flush();
        while (true) {
            String status = tunnel.line();
            String headers = tunnel.headers();
            if (status.startsWith("HTTP/1.1 101")) {
                return tunnel;
            }
            if (!status.startsWith("HTTP/1.1 102")) {
                tunnel.close();
                throw new IOException("the L7R answered '" + status + "' " + headers);
            }
        }
    }

    private ClientTunnel(int port) throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            socket = (SSLSocket) tls.getSocketFactory().createSocket();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
        socket.setSoTimeout(120_000);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Writes {@code text} into the tunnel and reads as many bytes back; true when they are the same. */
    public boolean echoes(String text, int timeoutMillis) {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        try {
            socket.setSoTimeout(timeoutMillis);
            out.write(sent);
            out.flush();
            return Arrays.equals(sent, in.readNBytes(sent.length));
        } catch (IOException e) {
            return false;
        }
    }

    /** The tunnel's raw input after the 101, without a read timeout (a desktop may be idle for long). */
    public InputStream input() throws IOException {
        socket.setSoTimeout(0);
        return in;
    }

    public OutputStream output() {
        return out;
    }

    private String headers() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String h = line(); !h.isEmpty(); h = line()) {
            all.append(h).append("; ");
        }
        return all.toString();
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the L7R closed the connection after: " + buf.toString(StandardCharsets.ISO_8859_1));
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
