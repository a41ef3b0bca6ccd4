package org.qvd.desktop.session.boundary;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Hands the WebSocket the user of the page's HTTP session (the session cookie comes with the upgrade request over the
 * same TLS entry): a ticket is valid only for the user it was issued to. The user goes under a key of its own
 * connection ({@link #userKey}), never a shared one: the endpoint's configuration may be shared by all handshakes.
 */
public class HttpSessionConfigurator extends ServerEndpointConfig.Configurator {
    static final String USER = "qvd.desktop.user";

    static String userKey(String connection) {
        return USER + ":" + connection;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> connection = request.getParameterMap().get("c");
        if (connection == null || connection.size() != 1) {
            return;
        }
        if (request.getHttpSession() instanceof HttpSession http && http.getAttribute(USER) != null) {
            config.getUserProperties().put(userKey(connection.get(0)), http.getAttribute(USER));
        }
    }
}
