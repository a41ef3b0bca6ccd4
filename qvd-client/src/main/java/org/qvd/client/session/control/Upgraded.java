package org.qvd.client.session.control;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The connection after {@code 101 Switching Protocols}: raw NX bytes from here on. {@code in} may already
 * hold bytes the server sent right after the 101 header block; they go to nxproxy first.
 */
public record Upgraded(Socket socket, InputStream in, OutputStream out, String slaveKey, String serverNxCookie) {}
