package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.error.InvalidInputException;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesInTheModularCryptFormatElytronReads() {
        assertThat(hasher.hash("s3cret")).startsWith("$2a$04$").hasSize(60);
    }

    @Test
    void saltsEveryHashDifferently() {
        String a = hasher.hash("same");
        String b = hasher.hash("same");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(7, 29)).isNotEqualTo(b.substring(7, 29));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("s3cret");
        assertThat(hasher.verify("s3cret", hash)).isTrue();
        assertThat(hasher.verify("S3cret", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.verify("s3cret", "not a hash")).isFalse();
    }

    @Test
    void refusesEmptyAndOverlongPasswords() {
        assertThatThrownBy(() -> hasher.hash("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> hasher.hash("x".repeat(73))).isInstanceOf(InvalidInputException.class);
    }
}
