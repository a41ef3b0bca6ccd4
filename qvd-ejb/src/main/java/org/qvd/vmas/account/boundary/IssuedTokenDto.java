package org.qvd.vmas.account.boundary;

import java.time.Instant;

/**
 * A token just created, for QVD's {@code create_auth_token} answer: the only time the token itself is seen (the VMAS
 * keeps its hash). Its {@code toString} hides it so that it cannot reach a log by accident.
 */
public record IssuedTokenDto(long id, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedTokenDto[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
