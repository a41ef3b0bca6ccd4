package org.qvd.vma.session.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A retried {@code x_start} of a takeover is recognised as the same client's, whatever display cookie it drew. */
class SessionRequestTest {

    private static SessionRequest cookieless(String displayCookie, String slaveKey) {
        return new SessionRequest(
                "demo",
                null,
                null,
                "pc105/es",
                1024,
                768,
                false,
                "adsl",
                "linux",
                null,
                slaveKey,
                displayCookie,
                "10.3.0.1");
    }

    @Test
    void aRetryOfAClientWithoutNxCookieIsTheSameClientThoughItsDisplayCookieIsNew() {
        assertThat(cookieless("aaaa", "k1").sameClientAs(cookieless("bbbb", "k1")))
                .isTrue();
    }

    @Test
    void anotherCookieOrSlaveKeyOrGeometryIsAnotherClient() {
        SessionRequest withCookie =
                new SessionRequest("demo", null, null, "pc105/es", 1024, 768, false, "adsl", "linux", "c1", "k1");
        assertThat(withCookie.sameClientAs(new SessionRequest(
                        "demo", null, null, "pc105/es", 1024, 768, false, "adsl", "linux", "c2", "k1")))
                .isFalse();
        assertThat(cookieless("aaaa", "k1").sameClientAs(cookieless("aaaa", "k2")))
                .isFalse();
        assertThat(withCookie.sameClientAs(new SessionRequest(
                        "demo", null, null, "pc105/es", 800, 600, false, "adsl", "linux", "c1", "k1")))
                .isFalse();
        assertThat(withCookie.sameClientAs(null)).isFalse();
    }
}
