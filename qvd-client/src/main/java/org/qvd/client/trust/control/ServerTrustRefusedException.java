package org.qvd.client.trust.control;

import java.security.cert.CertificateException;

/** Thrown inside the TLS handshake when the user's trust policy refuses the server's certificate. */
public class ServerTrustRefusedException extends CertificateException {

    public ServerTrustRefusedException(String message) {
        super(message);
    }
}
