package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.l7r.VmasData;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;

/**
 * The browser desktop's login ({@code POST /desktop/api/login}) guessed at as an attacker would: from an address of
 * its own (127.0.0.4x), with many passwords. The page shares the L7R's throttle and its cluster-wide counters, so
 * guessing through the browser and through the NX client's port count together, and the user at another address is
 * not locked out.
 */
@ExtendWith(RunningSystem.class)
class DesktopLoginThrottleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FromAddress.Response login(QvdSystem system, String from, String login, String password)
            throws Exception {
        return new FromAddress(system, from)
                .postJson("/desktop/api/login", JSON.writeValueAsString(Map.of("login", login, "password", password)));
    }

    @Test
    void guessingPasswordsLocksTheGuessersAddressWhateverItTriesNext(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        for (int i = 0; i < 5; i++) {
            assertThat(login(system, "127.0.0.41", user.login(), "guess-" + i).status())
                    .as("guess %d", i)
                    .isEqualTo(401);
        }
        FromAddress.Response right = login(system, "127.0.0.41", user.login(), VmasData.USER_PASSWORD);
        FromAddress.Response wrong = login(system, "127.0.0.41", user.login(), "guess-5");
        assertThat(right.status())
                .as("the right password from the guesser's address")
                .isEqualTo(429);
        assertThat(right.body()).contains("too many failed logins").doesNotContain(VmasData.USER_PASSWORD);
        assertThat(right.header("set-cookie"))
                .as("no session for a locked attempt")
                .isNull();
        assertThat(wrong.status())
                .as("a locked attempt answers alike whether its password is right or not")
                .isEqualTo(429);
        assertThat(wrong.body()).isEqualTo(right.body());

        FromAddress.Response elsewhere = login(system, "127.0.0.42", user.login(), VmasData.USER_PASSWORD);
        assertThat(elsewhere.status()).as("the user, from their own address").isEqualTo(200);
        assertThat(elsewhere.header("set-cookie")).contains("JSESSIONID");
    }

    @Test
    void guessesThroughTheNxClientsPortAndTheBrowserCountTogether(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        for (int i = 0; i < 3; i++) {
            try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.43").open()) {
                wire.send("GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: "
                        + L7rWire.basic(user.login(), "nx-guess-" + i) + "\r\n\r\n");
                assertThat(wire.read().status()).isEqualTo(401);
            }
        }
        for (int i = 0; i < 2; i++) {
            assertThat(login(system, "127.0.0.43", user.login(), "web-guess-" + i)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(login(system, "127.0.0.43", user.login(), VmasData.USER_PASSWORD)
                        .status())
                .as("after 3 guesses at the L7R and 2 in the browser")
                .isEqualTo(429);
    }
}
