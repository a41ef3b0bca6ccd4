package org.qvd.vmas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Secrets at rest: AES-256-GCM with the installation's key, never the clear text in the column. */
class SecretBoxTest {

    /** The key in src/test/resources/META-INF/microprofile-config.properties: 32 bytes 0x07. */
    private static final byte[] CONFIGURED_KEY = new byte[32];

    static {
        java.util.Arrays.fill(CONFIGURED_KEY, (byte) 7);
    }

    @Test
    void theInstallationKeyIsTheOneTheServerConfigurationNames() throws Exception {
        assertThat(System.getProperty("qvd.secret.key"))
                .as("only MicroProfile Config has it")
                .isNull();
        byte[] sealed =
                Base64.getDecoder().decode(SecretBox.seal("Bind-Secret-42").substring(SecretBox.PREFIX.length()));
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(CONFIGURED_KEY, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        c.updateAAD("qvd-secret-v1".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(c.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8))
                .isEqualTo("Bind-Secret-42");
    }

    @Test
    void aSealedSecretOpensToTheSameTextAndHoldsNoneOfIt() {
        String sealed = SecretBox.seal("Bind-Secret-42");
        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("Bind-Secret-42");
        assertThat(SecretBox.open(sealed)).isEqualTo("Bind-Secret-42");
        assertThat(SecretBox.seal("Bind-Secret-42"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(new SecretColumn().convertToEntityAttribute(new SecretColumn().convertToDatabaseColumn("x")))
                .isEqualTo("x");
        assertThat(SecretBox.seal(null)).isNull();
    }

    @Test
    void aChangedCiphertextIsRefusedNotMisread() {
        String sealed = SecretBox.seal("JBSWY3DPEHPK3PXP");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretBox.PREFIX.length()));
        raw[raw.length - 1] ^= 1;
        String tampered = SecretBox.PREFIX + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> SecretBox.open(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QVD_SECRET_KEY");
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(SecretBox.open("legacy-clear")).isEqualTo("legacy-clear");
        assertThat(SecretBox.sealed("legacy-clear")).isFalse();
    }

    @Test
    void aTotpSecretSealedFitsItsColumn() {
        assertThat(SecretBox.seal("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
                .hasSizeLessThan(256);
    }
}
