package org.qvd.desktop.session.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.l7r.session.control.FailureCounters;
import org.qvd.l7r.session.control.LoginThrottle;
import org.qvd.l7r.session.control.SessionBackend;
import org.qvd.l7r.session.entity.AuthenticationResult;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.Login;
import org.qvd.l7r.session.entity.QvdUser;

/**
 * The page's login: the client's credentials, checked by the VMAS exactly as for {@code connect_to_vm}, behind the
 * L7R's brute-force throttle with the L7R's settings ({@code qvd.l7r.*}) and, where the VMAS offers them, the same
 * cluster-wide counters: guessing through the browser counts with guessing through the client.
 */
@ApplicationScoped
public class DesktopLogins {

    /** The throttle refused the attempt without asking the VMAS. */
    public static class LockedException extends RuntimeException {
        public LockedException() {
            super("too many failed logins: try again later");
        }
    }

    @Inject
    SessionBackend backend;

    @Inject
    Instance<FailureCounters> shared;

    private LoginThrottle throttle;
    private String defaultTenant;

    @PostConstruct
    void init() {
        ConnectorConfig c = ConnectorConfig.fromServer();
        FailureCounters counters =
                shared.isResolvable() ? shared.get() : FailureCounters.inMemory(LoginThrottle.MAX_ENTRIES);
        throttle = new LoginThrottle(
                c.maxLoginFailures(),
                c.loginFailureWindow(),
                c.loginLock(),
                Duration.ofHours(1),
                c.repeatedFailureWindow(),
                c.throttledDelay(),
                c.maxLoginSlowdown(),
                Clock.systemUTC(),
                counters);
        defaultTenant = c.defaultTenant();
    }

    /** The user, or empty for wrong credentials; {@link LockedException} while the throttle holds this login. */
    public Optional<QvdUser> login(String rawLogin, String password, String source) {
        Login login = Login.parse(rawLogin, defaultTenant);
        String key = login.toString();
        if (throttle.isLocked(source, key)) {
            throw new LockedException();
        }
        LoginThrottle.Attempt attempt = throttle.begin(source, key, key + ":" + password);
        sleep(throttle.slowdown(key));
        AuthenticationResult result = backend.authenticate(new Credentials.Password(login, password), address(source));
        if (result instanceof AuthenticationResult.Authenticated authenticated) {
            throttle.recordSuccess(source, key);
            return Optional.of(authenticated.user());
        }
        throttle.recordFailure(attempt);
        return Optional.empty();
    }

    private static InetAddress address(String source) {
        try {
            return InetAddress.getByName(source);
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
