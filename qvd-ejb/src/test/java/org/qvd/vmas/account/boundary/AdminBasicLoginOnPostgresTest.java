package org.qvd.vmas.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.AdminLoginState;
import org.qvd.vmas.account.control.LoginThrottle;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.control.VerifiedCredentials;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.totp.boundary.SecondFactor;

/**
 * What an administrator's Basic login costs and answers ({@link AdminAuthenticationService#authenticate}), on a real,
 * migrated PostgreSQL: the REST API and SOAP check Basic on every request, so a good login is ONE statement (throttle,
 * administrator, tenant and second factor together); a wrong password is refused and counted, enough of them refuse
 * further attempts without a hash check; an administrator with a confirmed second factor is asked for its code.
 */
class AdminBasicLoginOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        String hash = new PasswordHasher(4).hash("Right-Pw-1");
        db.inTransaction(s -> {
            Tenant tenant = new Tenant("basic-login", null);
            s.persist(tenant);
            s.persist(new Administrator(tenant, "plain", hash, null));
            s.persist(new Administrator(tenant, "guessed", hash, null));
            Administrator enrolled = new Administrator(tenant, "enrolled", hash, null);
            s.persist(enrolled);
            s.flush();
            s.createNativeQuery("INSERT INTO admin_totp (administrator_id, secret, confirmed) VALUES (?1, 'x', TRUE)")
                    .setParameter(1, enrolled.getId())
                    .executeUpdate();
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aGoodBasicLoginIsOneStatement() {
        long[] count = new long[1];
        AdminLogin login = db.inTransaction(s -> {
            AdminAuthenticationService admins = service(s, new ArrayList<>());
            admins.authenticate("plain@basic-login", "Right-Pw-1", null, "192.0.2.1"); // the hash, once
            var stats = s.getSessionFactory().getStatistics();
            stats.clear();
            AdminLogin again = admins.authenticate("plain@basic-login", "Right-Pw-1", null, "192.0.2.1");
            count[0] = stats.getPrepareStatementCount();
            return again;
        });
        assertThat(login.succeeded()).isTrue();
        assertThat(login.principal()).isEqualTo("plain@basic-login");
        assertThat(count[0])
                .as("throttle, administrator, tenant, second factor")
                .isEqualTo(1);
    }

    @Test
    void wrongPasswordsAreCountedAndThenRefusedWithoutACheck() {
        List<AuditEvent> audited = new ArrayList<>();
        AdminLogin last = null;
        for (int i = 0; i < 12 && (last == null || !last.throttled()); i++) {
            last = db.inTransaction((Function<Session, AdminLogin>)
                    s -> service(s, audited).authenticate("guessed@basic-login", "Wrong-Pw", null, "192.0.2.9"));
            assertThat(last.succeeded()).isFalse();
        }
        assertThat(last.throttled())
                .as("refused for a while after repeated failures")
                .isTrue();
        assertThat(audited).extracting(AuditEvent::action).contains("admin.login", "admin.login.throttle");
        AdminLogin right = db.inTransaction(
                s -> service(s, audited).authenticate("guessed@basic-login", "Right-Pw-1", null, "192.0.2.9"));
        assertThat(right.succeeded())
                .as("the right password during the refusal")
                .isFalse();
        assertThat(right.throttled()).isTrue();
    }

    @Test
    void anUnknownLoginIsRefused() {
        AdminLogin login = db.inTransaction(
                s -> service(s, new ArrayList<>()).authenticate("nobody@basic-login", "Right-Pw-1", null, "192.0.2.2"));
        assertThat(login.succeeded()).isFalse();
        assertThat(login.throttled()).isFalse();
    }

    @Test
    void anAdministratorWithAConfirmedSecondFactorIsAskedForItsCode() {
        AdminLogin login = db.inTransaction(s ->
                service(s, new ArrayList<>()).authenticate("enrolled@basic-login", "Right-Pw-1", null, "192.0.2.3"));
        assertThat(login.succeeded()).isFalse();
        assertThat(login.secondFactorRefused()).isTrue();
        AdminLogin plain = db.inTransaction(
                s -> service(s, new ArrayList<>()).authenticate("enrolled@basic-login", "Right-Pw-1", "192.0.2.3"));
        assertThat(plain.succeeded())
                .as("the WAT's password step asks the code itself")
                .isTrue();
    }

    private static AdminAuthenticationService service(Session s, List<AuditEvent> audited) {
        AdminAuthenticationService admins = new AdminAuthenticationService();
        JpaOnPostgres.inject(admins, "em", s);
        LoginThrottle throttle = new LoginThrottle();
        JpaOnPostgres.inject(throttle, "em", s);
        JpaOnPostgres.inject(admins, "throttle", throttle);
        AdminLoginState state = new AdminLoginState();
        JpaOnPostgres.inject(state, "em", s);
        JpaOnPostgres.inject(admins, "loginState", state);
        ConfigResolver config = new ConfigResolver();
        JpaOnPostgres.inject(config, "em", s);
        JpaOnPostgres.inject(admins, "config", config);
        JpaOnPostgres.inject(
                admins,
                "passwords",
                new PasswordCheck(
                        new PasswordHasher(4),
                        new VerifiedCredentials(Duration.ofMinutes(1), 100, System::nanoTime, 1)));
        SecondFactor secondFactor = new SecondFactor();
        JpaOnPostgres.inject(secondFactor, "em", s);
        JpaOnPostgres.inject(admins, "secondFactor", secondFactor);
        JpaOnPostgres.inject(admins, "audit", new AuditSink() {
            @Override
            public void record(AuditEvent event) {
                audited.add(event);
            }

            @Override
            public void recordRefusal(AuditEvent event) {
                audited.add(event);
            }

            @Override
            public void flush() {}
        });
        return admins;
    }
}
