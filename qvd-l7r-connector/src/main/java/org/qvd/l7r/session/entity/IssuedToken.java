package org.qvd.l7r.session.entity;

import java.time.Instant;

/**
 * A user token just made for {@code create_auth_token}: {@code authParamsId} is QVD's {@code auth_params_id} (here
 * the token's id in the VMAS). The token is shown to its user once and hidden from {@code toString}, hence logs.
 */
public record IssuedToken(long authParamsId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[authParamsId=" + authParamsId + ", expiresAt=" + expiresAt + "]";
    }
}
