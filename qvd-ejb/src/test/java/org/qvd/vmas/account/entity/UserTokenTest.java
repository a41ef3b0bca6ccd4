package org.qvd.vmas.account.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTokenTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void admitsItsUserAgainAndAgainUntilItExpires() {
        UserToken token = new UserToken(user(), "h", T0, T0.plusSeconds(3600));
        token.usedAt(T0.plusSeconds(1));
        assertThat(token.admits(T0.plusSeconds(2))).isTrue();
        assertThat(token.admits(T0.plusSeconds(3599))).isTrue();
        assertThat(token.admits(T0.plusSeconds(3600))).isFalse();
    }

    @Test
    void refusesWhenTheUserIsBlocked() {
        AppUser user = user();
        UserToken token = new UserToken(user, "h", T0, T0.plusSeconds(3600));
        user.block();
        assertThat(token.admits(T0.plusSeconds(1))).isFalse();
    }

    @Test
    void mustExpireAfterItIsCreated() {
        assertThatThrownBy(() -> new UserToken(user(), "h", T0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AppUser user() {
        return new AppUser(new Tenant("acme", null), "alice", "$2a$04$x", null);
    }
}
