package org.qvd.vmas.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.control.TokenDigest;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.account.entity.UserToken;
import org.qvd.vmas.directory.boundary.DirectoryLogins;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.error.InvalidInputException;

/** The token service's code on a real, migrated PostgreSQL (no container: no audit interceptor). */
class UserTokenServiceOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aCreatedTokenLogsItsUserInAgainAndAgain() {
        long userId = user("tok-a");
        IssuedTokenDto issued = db.inTransaction(s -> service(s).create(userId, Duration.ofHours(24)));
        assertThat(issued.token()).hasSize(TokenDigest.LENGTH).matches("[A-Za-z0-9]+");
        for (int i = 0; i < 3; i++) {
            UserDto user = db.inTransaction(s -> service(s).authenticate(List.of(issued.token())));
            assertThat(user.id()).isEqualTo(userId);
            assertThat(user.tenantName()).isEqualTo("tok-a");
        }
    }

    @Test
    void storesOnlyTheHashOfTheToken() {
        long userId = user("tok-b");
        IssuedTokenDto issued = db.inTransaction(s -> service(s).create(userId, Duration.ofMinutes(5)));
        String stored = db.inTransaction(
                s -> s.createNativeQuery("SELECT token_hash FROM user_token WHERE id = " + issued.id(), String.class)
                        .getSingleResult());
        assertThat(stored).isEqualTo(TokenDigest.hash(issued.token())).doesNotContain(issued.token());
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void acceptsTheTokenAmongOtherCandidateForms() {
        long userId = user("tok-c");
        IssuedTokenDto issued = db.inTransaction(s -> service(s).create(userId, Duration.ofHours(1)));
        String encoded = Base64.getEncoder().encodeToString(issued.token().getBytes(StandardCharsets.UTF_8));
        UserDto user = db.inTransaction(s -> service(s).authenticate(List.of("garbage", encoded, issued.token())));
        assertThat(user.id()).isEqualTo(userId);
    }

    @Test
    void refusesUnknownAndExpiredTokens() {
        long userId = user("tok-d");
        IssuedTokenDto issued = db.inTransaction(s -> service(s).create(userId, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> db.inTransaction(s -> service(s).authenticate(List.of("no-such-token"))))
                .isInstanceOf(AuthenticationFailedException.class);
        db.inTransaction(s -> s.createNativeQuery(
                        "UPDATE user_token SET expires_at = now() - interval '1 second',"
                                + " created_at = now() - interval '1 hour' WHERE id = " + issued.id(),
                        Integer.class)
                .executeUpdate());
        assertThatThrownBy(() -> db.inTransaction(s -> service(s).authenticate(List.of(issued.token()))))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesTheTokenOfABlockedUser() {
        long userId = user("tok-e");
        IssuedTokenDto issued = db.inTransaction(s -> service(s).create(userId, Duration.ofHours(1)));
        db.inTransaction(
                s -> s.createNativeQuery("UPDATE app_user SET blocked = TRUE WHERE id = " + userId, Integer.class)
                        .executeUpdate());
        assertThatThrownBy(() -> db.inTransaction(s -> service(s).authenticate(List.of(issued.token()))))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void purgesExpiredTokensWhenCreatingOne() {
        long userId = user("tok-f");
        IssuedTokenDto old = db.inTransaction(s -> service(s).create(userId, Duration.ofSeconds(30)));
        db.inTransaction(s -> s.createNativeQuery(
                        "UPDATE user_token SET expires_at = now() - interval '1 second',"
                                + " created_at = now() - interval '1 hour' WHERE id = " + old.id(),
                        Integer.class)
                .executeUpdate());
        db.inTransaction(s -> service(s).create(userId, Duration.ofSeconds(30)));
        UserToken purged = db.inTransaction(s -> s.find(UserToken.class, old.id()));
        assertThat(purged).isNull();
    }

    @Test
    void refusesAValidityOutsideItsBounds() {
        long userId = user("tok-g");
        assertThatThrownBy(() -> db.inTransaction(s -> service(s).create(userId, Duration.ZERO)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.inTransaction(s -> service(s).create(userId, Duration.ofDays(400))))
                .isInstanceOf(InvalidInputException.class);
    }

    private static UserTokenService service(Session s) {
        UserTokenService service = new UserTokenService();
        service.em = s;
        service.directories = new DirectoryLogins(); // local users: the directory is not asked
        return service;
    }

    private static long user(String tenantName) {
        return db.inTransaction(s -> {
            Tenant tenant = new Tenant(tenantName, null);
            s.persist(tenant);
            AppUser user = new AppUser(tenant, "alice", new PasswordHasher(4).hash("secret"), null);
            s.persist(user);
            return user.getId();
        });
    }
}
