package org.qvd.guest.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * QVD 4.3's Perl client as shared/reference/qvd-client-wire.md captured it, played byte for byte: one TLS
 * connection, {@code list_of_vm} then {@code connect_to_vm} with no NX cookie (§2, §3), {@code 102}s until
 * {@code 101}; then, as the client does (§5), it listens on {@code localhost:4000+N}, starts
 * {@code nxproxy -S cups=631 slave=<62000+rand(2000)> localhost:N} (no cookie: "No proxy cookie was provided") on
 * the user's X display, and relays bytes both ways between nxproxy and the TLS stream.
 */
public final class LegacyClient implements AutoCloseable {

    /** One answer of the L7R: status line, headers, and when it came (nanoTime). */
    public record Answer(String statusLine, List<String> headers, long atNanos) {
        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public String header(String exactName) {
            for (String h : headers) {
                if (h.startsWith(exactName + ":")) {
                    return h.substring(exactName.length() + 1).trim();
                }
            }
            return null;
        }
    }

    private final SSLSocket tls;
    private final InputStream in;
    private final OutputStream out;
    private final List<Answer> answers = new ArrayList<>();
    private final List<Thread> relays = new ArrayList<>();
    private Process nxproxy;
    private ServerSocket listener;
    private String nxproxyCommand;

    private LegacyClient(SSLSocket tls) throws IOException {
        this.tls = tls;
        this.in = tls.getInputStream();
        this.out = tls.getOutputStream();
    }

    /**
     * The Perl client's TLS connection, as a client that was given the installation's CA ({@code QVD_HOME/tls/ca.pem},
     * what {@code ./qvd run} prints for clients to trust): the L7R's certificate must chain to that CA and name the
     * host the client dialled ({@code localhost}), else the handshake fails.
     */
    public static LegacyClient open(int l7rPort, Path caPem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(caPem)) {
            int i = 0;
            for (java.security.cert.Certificate ca :
                    CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("qvd-ca-" + i++, ca);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), new SecureRandom());
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name localhost
        socket.setSSLParameters(parameters);
        socket.connect(new InetSocketAddress("localhost", l7rPort), 30_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(600_000);
        socket.startHandshake();
        return new LegacyClient(socket);
    }

    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** §2, byte for byte. */
    public static String listRequest(String authorization) {
        return "GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n"
                + "User-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n";
    }

    /** §3, byte for byte (the captured parameter order), only the VM id and the credentials being the caller's. */
    public static String connectRequest(String authorization, long vmId) {
        return "GET /qvd/connect_to_vm?qvd.client.fullscreen=&qvd.client.audio.redirect.server=&qvd.client.audio."
                + "redirect.port=&qvd.client.audio.redirect.enable=0&qvd.client.keyboard=pc105%2Fes&qvd.client.geometry="
                + "1024x768&qvd.client.usb.enabled=0&qvd.client.audio.compression.enable=1&qvd.client.os=linux&id="
                + vmId + "&qvd.client.nxagent.extra_args=&qvd.client.usb.implementation=USBIP&qvd.client.printing."
                + "enabled=1&qvd.client.link=adsl HTTP/1.1\r\nAuthorization: " + authorization + "\r\nConnection: "
                + "Upgrade\r\nUpgrade: QVD/1.0\r\nUser-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n";
    }

    public void send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The next answer (a {@code 102} is one), its body skipped by Content-Length. */
    public Answer read() throws IOException {
        String status = line();
        while (status.isEmpty()) {
            status = line();
        }
        long at = System.nanoTime();
        List<String> headers = new ArrayList<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            headers.add(h);
        }
        Answer answer = new Answer(status, headers, at);
        String length = answer.header("Content-Length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length));
        }
        answers.add(answer);
        return answer;
    }

    /** Answers until one is not {@code 102}; returns that one. */
    public Answer readFinal() throws IOException {
        Answer a;
        do {
            a = read();
        } while (a.status() == 102);
        return a;
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /**
     * After the {@code 101}: listens on localhost:4000+N (N = 40 as the client has it, or the next free one),
     * starts nxproxy on {@code display} as the client builds its command line, and relays once it connects.
     */
    public void startNxproxy(XDisplay display, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        int n = 40;
        while (listener == null) {
            try {
                listener = new ServerSocket(4000 + n, 1, InetAddress.getByName("127.0.0.1"));
            } catch (IOException inUse) {
                n++;
            }
        }
        int slave = 62000 + new SecureRandom().nextInt(2000);
        List<String> command = List.of("/usr/bin/nxproxy", "-S", "cups=631", "slave=" + slave, "localhost:" + n);
        nxproxyCommand = String.join(" ", command);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("legacy-nxproxy.log").toFile()));
        pb.environment().putAll(display.env());
        pb.environment().put("NX_CLIENT", "/bin/false");
        pb.environment().put("DYLD_LIBRARY_PATH", "");
        pb.environment().put("HOME", workDir.toString());
        nxproxy = pb.start();
        listener.setSoTimeout(10_000); // the client waits about 10 s for nxproxy
        Socket proxy = listener.accept();
        proxy.setTcpNoDelay(true);
        relay(proxy.getInputStream(), out, "nxproxy->l7r");
        relay(in, proxy.getOutputStream(), "l7r->nxproxy");
    }

    public String nxproxyCommand() {
        return nxproxyCommand;
    }

    public boolean nxproxyAlive() {
        return nxproxy != null && nxproxy.isAlive();
    }

    private void relay(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[65536];
                    try {
                        for (int r = from.read(buf); r >= 0; r = from.read(buf)) {
                            to.write(buf, 0, r);
                            to.flush();
                        }
                    } catch (IOException ended) {
                        // either side closed
                    }
                },
                "legacy-client-" + name);
        t.setDaemon(true);
        t.start();
        relays.add(t);
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed after: " + buf.toString(StandardCharsets.ISO_8859_1));
            }
            buf.write(b);
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** As the client ends: nxproxy killed, the TLS connection closed. */
    @Override
    public void close() throws IOException {
        if (nxproxy != null) {
            nxproxy.destroy();
            try {
                if (!nxproxy.waitFor(10, TimeUnit.SECONDS)) {
                    nxproxy.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (listener != null) {
            listener.close();
        }
        tls.close();
    }
}
