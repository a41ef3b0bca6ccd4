package org.qvd.client.session.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.session.control.StatusMessages.Request;
import org.qvd.client.session.entity.L7rResponse;
import org.qvd.client.session.entity.VmSummary;

/**
 * One TLS connection to the L7R, used as the legacy clients use it: {@code list_of_vm}, then
 * {@code connect_to_vm} on the same connection (keep-alive), then the raw tunnel.
 */
public final class L7rConnection implements AutoCloseable {

    public static final String VM_INFO = "X-QVD-VM-Info";
    public static final String SLAVE_KEY = "X-QVD-Slave-Key";
    /** Optional on a 101: a server that dictates the NX proxy cookie names it here (see docs/client.md). */
    public static final String NX_COOKIE = "X-QVD-NX-Cookie";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final L7rRequests requests;
    private final String serverName;
    private boolean closedByServer;

    public L7rConnection(Socket socket, L7rRequests requests, String serverName, int readTimeoutMillis)
            throws IOException {
        this.socket = socket;
        this.requests = requests;
        this.serverName = serverName;
        socket.setSoTimeout(readTimeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    public List<VmSummary> listVms() {
        L7rResponse response = exchange(requests.listOfVm(), "the list of virtual machines");
        if (response.status() != 200 || !"HTTP/1.1".equals(response.version())) {
            throw StatusMessages.failure(Request.LIST, response, 0);
        }
        closedByServer = "close".equalsIgnoreCase(String.valueOf(response.header("Connection")));
        return VmListParser.parse(response.body());
    }

    /** {@code create_auth_token}: the {@code auth_token} of the answer, as the server gave it (base64 of the token). */
    public String createAuthToken() {
        L7rResponse response = exchange(requests.createAuthToken(), "the token request");
        if (response.status() != 200 || !"HTTP/1.1".equals(response.version())) {
            throw StatusMessages.failure(Request.TOKEN, response, 0);
        }
        return TokenAnswerParser.authToken(response.body());
    }

    /** Whether the server asked to close after the last response, so the next request needs a new connection. */
    public boolean closedByServer() {
        return closedByServer;
    }

    /** Sends {@code connect_to_vm}; reports every {@code 102}'s progress text; returns the tunnel on {@code 101}. */
    public Upgraded connect(long vmId, Map<String, String> params, Consumer<String> progress) {
        send(requests.connectToVm(params));
        int interim = 0;
        while (true) {
            L7rResponse response = receive(interim == 0 ? "the connection request" : "the end of the VM start");
            if (response.status() == 101 && "HTTP/1.1".equals(response.version())) {
                return upgraded(response);
            }
            if (!response.interim() || !"HTTP/1.1".equals(response.version())) {
                throw StatusMessages.failure(Request.CONNECT, response, vmId);
            }
            interim++;
            String info = response.header(VM_INFO);
            if (info != null) {
                progress.accept(info);
            }
        }
    }

    /** {@code stop_vm}: like the legacy GUI, reads responses until one is not interim; 200 means stopped. */
    public void stopVm(long vmId, Consumer<String> progress) {
        send(requests.stopVm(vmId));
        L7rResponse response = receive("the stop request");
        while (response.interim()) {
            String info = response.header(VM_INFO);
            if (info != null) {
                progress.accept(info);
            }
            response = receive("the stop request");
        }
        if (response.status() != 200) {
            throw StatusMessages.failure(Request.STOP, response, vmId);
        }
    }

    private Upgraded upgraded(L7rResponse response) {
        try {
            socket.setSoTimeout(0); // an idle desktop is not a dead server
        } catch (IOException e) {
            throw new ClientException(ExitStatus.CONNECTION_FAILED, "The connection to " + serverName + " broke.", e);
        }
        return new Upgraded(socket, in, out, response.header(SLAVE_KEY), response.header(NX_COOKIE));
    }

    private L7rResponse exchange(byte[] request, String what) {
        send(request);
        return receive(what);
    }

    private void send(byte[] request) {
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED, "The connection to " + serverName + " broke: " + e.getMessage(), e);
        }
    }

    private L7rResponse receive(String what) {
        try {
            return new ResponseReader(in).read();
        } catch (SocketTimeoutException e) {
            throw new ClientException(
                    ExitStatus.SERVER_UNAVAILABLE,
                    "The server " + serverName + " did not answer " + what + " in time.",
                    e);
        } catch (EOFException e) {
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED,
                    "The server " + serverName + " closed the connection while waiting for " + what + ".",
                    e);
        } catch (IOException e) {
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED, "The connection to " + serverName + " broke: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
