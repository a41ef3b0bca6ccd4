package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenDigestTest {

    @Test
    void tokensAreLettersAndDigitsAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenDigest.newToken(random);
            assertThat(token).hasSize(TokenDigest.LENGTH).matches("[A-Za-z0-9]+");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void hashIsTheHexSha256OfTheToken() {
        assertThat(TokenDigest.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
