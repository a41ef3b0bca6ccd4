package org.qvd.vmas.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the VMAS must read back in clear (a directory's bind password, administrators' TOTP secrets) are stored
 * encrypted with AES-256-GCM: {@value #PREFIX}{@code base64(nonce | ciphertext | tag)}. The key is the installation's:
 * {@code qvd.secret.key} / {@code QVD_SECRET_KEY} read through {@link ServerConfig} (base64 of 32 bytes; every node of
 * a cluster needs the same), else
 * the file {@code <server data dir>/qvd-secret.key} (made at first use, mode 0600; {@code QVD_HOME/wildfly/data} for
 * {@code ./qvd run}). A database dump alone then holds no usable secret. A value without the prefix was stored
 * before encryption: it is read as it is ({@code SecretsAtRest} encrypts such values at start).
 */
public final class SecretBox {

    public static final String PREFIX = "{aes-gcm}";
    static final String KEY_FILE = "qvd-secret.key";

    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final byte[] CONTEXT = "qvd-secret-v1".getBytes(StandardCharsets.US_ASCII);
    private static volatile SecretKeySpec key;

    private SecretBox() {}

    public static String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(CONTEXT);
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The clear text; a value stored before encryption comes back as it is. Fails if the key is not the one used. */
    public static String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            c.updateAAD(CONTEXT);
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted: the installation's key ("
                    + "QVD_SECRET_KEY or " + KEY_FILE + ") is not the one it was encrypted with");
        }
    }

    public static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (SecretBox.class) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private static byte[] loadKey() {
        Optional<String> configured = ServerConfig.text("qvd.secret.key");
        if (configured.isPresent()) {
            return decode(configured.get().trim(), "QVD_SECRET_KEY / qvd.secret.key");
        }
        // WildFly's own location, not a setting of ours (outside the server: the temp directory)
        String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        Path file = Path.of(dataDir, KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    LOG.info("made the installation's key for secrets at rest: " + file
                            + " (keep it with the database's backups; set QVD_SECRET_KEY on every node of a cluster)");
                    return fresh;
                } catch (FileAlreadyExistsException e) {
                    // another thread or node made it first: use theirs
                }
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or make the key for secrets at rest at " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            k = new byte[0];
        }
        if (k.length != 32) {
            throw new IllegalStateException(where + " must be the base64 of 32 bytes (openssl rand -base64 32)");
        }
        return k;
    }
}
