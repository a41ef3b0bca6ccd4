package org.qvd.client.session.control;

import org.qvd.client.session.entity.ConnectSettings;
import org.qvd.client.trust.entity.ServerAddress;

/**
 * Everything one run of the client needs besides its collaborators.
 *
 * @param vmId          the VM to connect to, or null to choose from the list
 * @param sendNxCookie  generate a cookie per connection and send it as {@code qvd.client.nx.cookie}
 * @param reconnect     what to do when the server side of a running session drops
 * @param restartVm     stop the VM first ({@code stop_vm}, as the QVD 4 GUI's "restart session"), then connect
 */
public record SessionSettings(
        ServerAddress server,
        L7rRequests credentials,
        Long vmId,
        ConnectSettings connect,
        boolean sendNxCookie,
        int readTimeoutMillis,
        int viewerTimeoutMillis,
        Reconnect reconnect,
        int reconnectAttempts,
        boolean restartVm) {

    /** Reconnecting after a drop: never, after asking the user, or at once. */
    public enum Reconnect {
        NEVER,
        ASK,
        ALWAYS
    }
}
