package org.qvd.vmas.account.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.vmas.account.control.AccountConfigKeys;
import org.qvd.vmas.account.control.AdminLoginState;
import org.qvd.vmas.account.control.Login;
import org.qvd.vmas.account.control.LoginThrottle;
import org.qvd.vmas.account.control.LoginThrottlePolicy;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.platform.text.LogText;
import org.qvd.vmas.totp.boundary.SecondFactor;

/**
 * Administrator logins for the WAT and the API (Basic): the password is checked here, not by the container's
 * realm, so that failures are throttled per source address and per login with a growing delay in the
 * database (shared by every node), audited ({@code admin.login} / {@code admin.login.throttle}) and logged
 * — never with the password. Bearer tokens are checked here too: void once the administrator was blocked or
 * changed its password.
 */
@Stateless
public class AdminAuthenticationService {

    private static final Logger LOG = Logger.getLogger(AdminAuthenticationService.class.getName());
    private static final int MAX_LOGIN = 200;

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    LoginThrottle throttle;

    @Inject
    AdminLoginState loginState;

    @Inject
    ConfigResolver config;

    @Inject
    AuditSink audit;

    @Inject
    PasswordCheck passwords;

    @EJB
    SecondFactor secondFactor;

    /** Checks a login and password from {@code source} (the client's address); no second factor is asked for. */
    public AdminLogin authenticate(String rawLogin, String password, String source) {
        return check(rawLogin, password, null, false, source);
    }

    /**
     * Checks a login, its password and, for an administrator who enrolled one, the second factor's current code, from
     * {@code source}. A wrong or used code counts as a failed login for the throttle (per login and per address), so
     * that codes cannot be guessed at speed; a missing one is refused without counting (it guesses nothing). Only a
     * complete login forgets the login's failures.
     */
    public AdminLogin authenticate(String rawLogin, String password, String totpCode, String source) {
        return check(rawLogin, password, totpCode, true, source);
    }

    private AdminLogin check(String rawLogin, String password, String totpCode, boolean withCode, String source) {
        String text = rawLogin == null ? "" : rawLogin.trim();
        Login login = Login.parse(text.length() > MAX_LOGIN ? text.substring(0, MAX_LOGIN) : text);
        List<String> keys = LoginThrottlePolicy.keys(login, source);
        List<String> loginKeys =
                keys.stream().filter(LoginThrottlePolicy::isLoginKey).toList();
        Instant now = Instant.now();
        // one statement: throttle, administrator, tenant and second factor (Basic pays this on every request)
        AdminLoginState.State state = loginState.read(login, keys, loginKeys);
        if (state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
            LOG.log(
                    Level.FINE,
                    () -> "admin login refused without a check (throttled): '" + LogText.escape(text) + "' from "
                            + LogText.escape(source));
            return AdminLogin.refused(state.blockedUntil());
        }
        boolean active = state.known() && !state.blocked();
        boolean ok = passwords.verify(
                state.known()
                        ? new PasswordCheck.Account(PasswordCheck.Kind.ADMIN, state.id(), text, state.passwordHash())
                        : null,
                password);
        String principal = ok && active ? state.principal() : null;
        // the second factor's own check (and its row lock on the used step) only for who enrolled one
        if (principal != null && withCode && state.secondFactor() && !secondFactor.accepts(principal, totpCode)) {
            if (totpCode == null || totpCode.isBlank()) {
                return AdminLogin.secondFactorRefused(null); // no code is no guess (a script without the header)
            }
            AdminLogin refused = failed(text, administrator(state), keys, source, now, "auth.totp_failed");
            return AdminLogin.secondFactorRefused(refused.retryAt());
        }
        if (ok && active) {
            // a success forgets the login's failures (not the address's); most logins have none to forget
            if (state.loginKeysCounted()) {
                throttle.clear(loginKeys);
            }
            return AdminLogin.ok(principal);
        }
        return failed(text, administrator(state), keys, source, now, ok ? "auth.blocked" : "auth.failed");
    }

    /** The entity, for the audit of a failed login only (a success needs none). */
    private Administrator administrator(AdminLoginState.State state) {
        return state.known() ? em.find(Administrator.class, state.id()) : null;
    }

    /**
     * Whether a bearer token of {@code principal} issued at {@code issuedAt} is still good. One read, asked before the
     * request's own work: it joins a transaction the caller has but starts none (a JTA transaction of its own was a
     * second begin and commit on every bearer request).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean tokenValid(String principal, Instant issuedAt) {
        if (principal == null || issuedAt == null) {
            return false;
        }
        Login login = Login.parse(principal);
        // three columns, no entity: nothing hydrated or flushed on a check that every API and WAT request makes
        List<Object[]> found = em.createNamedQuery(Administrator.TOKEN_STATE, Object[].class)
                .setParameter("name", login.name())
                .setParameter("tenant", login.tenant())
                .getResultList();
        return !found.isEmpty()
                && Administrator.acceptsToken(
                        (Boolean) found.get(0)[0], (Boolean) found.get(0)[1], (Instant) found.get(0)[2], issuedAt);
    }

    /** Forgets failures nobody has repeated for a day (per node; the statement is idempotent). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        Instant now = Instant.now();
        int gone = throttle.purge(now.minus(Duration.ofDays(1)), now);
        LOG.log(Level.FINE, "forgot {0} quiet login throttle keys", gone);
    }

    private AdminLogin failed(
            String text, Administrator admin, List<String> keys, String source, Instant now, String result) {
        LoginThrottlePolicy loginPolicy = policy(AccountConfigKeys.LOGIN_FREE_FAILURES);
        LoginThrottlePolicy addressPolicy = policy(AccountConfigKeys.ADDRESS_FREE_FAILURES);
        Instant retryAt = null;
        StringBuilder counts = new StringBuilder();
        for (String key : keys) {
            LoginThrottlePolicy policy = LoginThrottlePolicy.isLoginKey(key) ? loginPolicy : addressPolicy;
            int failures = throttle.recordFailure(key, now, now.minus(policy.window()));
            counts.append(counts.length() == 0 ? "" : ", ")
                    .append(LoginThrottlePolicy.isLoginKey(key) ? "login " : "address ")
                    .append(failures);
            Duration delay = policy.delayAfter(failures);
            if (!delay.isZero()) {
                Instant until = now.plus(delay);
                throttle.block(key, until);
                retryAt = retryAt == null || until.isAfter(retryAt) ? until : retryAt;
                record(
                        admin,
                        text,
                        "admin.login.throttle",
                        "{\"key\":\"" + (LoginThrottlePolicy.isLoginKey(key) ? "login" : "source") + "\",\"failures\":"
                                + failures + ",\"seconds\":" + delay.toSeconds() + "}",
                        "auth.throttled",
                        source);
            }
        }
        record(admin, text, "admin.login", "{}", result, source);
        String next = retryAt == null
                ? ""
                : "; attempts refused for " + Duration.between(now, retryAt).toSeconds() + " s";
        LOG.warning("admin login failed (" + result + "): '" + LogText.escape(text) + "' from " + LogText.escape(source)
                + " (failures: " + counts + ")" + next);
        return AdminLogin.refused(retryAt);
    }

    private void record(
            Administrator admin, String login, String action, String arguments, String result, String source) {
        Long adminId = admin == null ? null : admin.getId();
        Long tenantId = admin == null ? null : admin.getTenant().getId();
        String tenantName = admin == null ? null : admin.getTenant().getName();
        boolean superadmin = admin != null && admin.getTenant().isSupertenant();
        audit.record(new AuditEvent(
                adminId,
                login.isEmpty() ? "(none)" : login,
                tenantId,
                tenantName,
                superadmin,
                action,
                "admin",
                adminId,
                admin == null ? null : admin.getName(),
                arguments,
                result,
                source));
    }

    private LoginThrottlePolicy policy(org.qvd.vmas.config.entity.ConfigKey<Integer> freeFailures) {
        return new LoginThrottlePolicy(
                config.get(null, freeFailures),
                Duration.ofSeconds(config.get(null, AccountConfigKeys.LOGIN_BASE_DELAY)),
                Duration.ofSeconds(config.get(null, AccountConfigKeys.LOGIN_MAX_DELAY)),
                Duration.ofSeconds(config.get(null, AccountConfigKeys.LOGIN_WINDOW)));
    }
}
