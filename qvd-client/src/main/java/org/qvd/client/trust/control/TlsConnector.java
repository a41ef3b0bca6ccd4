package org.qvd.client.trust.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.trust.entity.ServerAddress;

/**
 * Opens the TLS connection to the L7R (TLS 1.2 or 1.3). With a CA file the chain and the host name are
 * verified; without one the leaf certificate is pinned per server (trust on first use).
 */
public final class TlsConnector {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Path caFile;
    private final FirstUsePolicy firstUse;
    private final int connectTimeoutMillis;

    private TlsConnector(Path caFile, FirstUsePolicy firstUse, int connectTimeoutMillis) {
        this.caFile = caFile;
        this.firstUse = firstUse;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public static TlsConnector withCaFile(Path caFile, int connectTimeoutMillis) {
        return new TlsConnector(caFile, null, connectTimeoutMillis);
    }

    public static TlsConnector trustOnFirstUse(FirstUsePolicy policy, int connectTimeoutMillis) {
        return new TlsConnector(null, policy, connectTimeoutMillis);
    }

    public SSLSocket open(ServerAddress server) {
        Socket plain = connect(server);
        try {
            SSLSocket tls = (SSLSocket)
                    context(server).getSocketFactory().createSocket(plain, server.host(), server.port(), true);
            SSLParameters params = tls.getSSLParameters();
            params.setProtocols(PROTOCOLS);
            if (caFile != null) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            tls.setSSLParameters(params);
            tls.startHandshake();
            return tls;
        } catch (SSLException e) {
            closeQuietly(plain);
            throw handshakeFailure(server, e);
        } catch (IOException e) {
            closeQuietly(plain);
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED,
                    "The connection to " + server + " broke during the TLS handshake: " + e.getMessage(),
                    e);
        }
    }

    private Socket connect(ServerAddress server) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(server.host(), server.port()), connectTimeoutMillis);
            return socket;
        } catch (UnknownHostException e) {
            throw new ClientException(ExitStatus.CONNECTION_FAILED, "Unknown host: " + server.host(), e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED,
                    "Cannot connect to " + server + ": " + e.getMessage()
                            + ". Is the QVD server running and is the port right?",
                    e);
        } catch (SocketTimeoutException e) {
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED,
                    "No answer from " + server + " within " + connectTimeoutMillis / 1000 + " s.",
                    e);
        } catch (IOException e) {
            throw new ClientException(ExitStatus.CONNECTION_FAILED, "Cannot connect to " + server + ": " + e, e);
        }
    }

    private SSLContext context(ServerAddress server) {
        try {
            TrustManager[] trust =
                    caFile != null ? caTrust() : new TrustManager[] {new PinningTrustManager(server, firstUse)};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ClientException(
                    ExitStatus.TLS_TRUST, "Cannot use the CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    private TrustManager[] caTrust() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in the file");
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private ClientException handshakeFailure(ServerAddress server, SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerTrustRefusedException refused) {
                return new ClientException(ExitStatus.TLS_TRUST, refused.getMessage(), e);
            }
        }
        String hint = caFile != null ? " (checked against " + caFile + ")" : "";
        return new ClientException(
                ExitStatus.TLS_TRUST, "The TLS handshake with " + server + " failed" + hint + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing; the original error is what the user needs
        }
    }
}
