package org.qvd.vmas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets at rest: AES-256-GCM with the installation's key, never the clear text in the column. */
class SecretBoxTest {

    static {
        if (System.getProperty("qvd.secret.key") == null) {
            System.setProperty("qvd.secret.key", Base64.getEncoder().encodeToString(new byte[32]));
        }
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
