package org.qvd.client.trust.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 of a certificate's DER encoding, shown as {@code SHA256:ab:cd:…} like browsers and ssh do. */
public record Fingerprint(String hex) {

    public Fingerprint {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + hex);
        }
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** Accepts {@code SHA256:} followed by 64 hex digits, with or without colons. */
    public static Fingerprint parse(String text) {
        String value = text.startsWith("SHA256:") ? text.substring(7) : text;
        return new Fingerprint(value.replace(":", "").toLowerCase());
    }

    /** The form stored in known_servers and shown to the user. */
    public String display() {
        StringBuilder out = new StringBuilder("SHA256:");
        for (int i = 0; i < hex.length(); i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString();
    }
}
