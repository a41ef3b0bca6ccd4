package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.qvd.vmas.config.entity.ConfigKey;
import org.qvd.vmas.config.entity.ConfigKeyProvider;

/** Configuration of accounts: the password policy and the throttling of failed administrator logins. */
@ApplicationScoped
public class AccountConfigKeys implements ConfigKeyProvider {

    public static final ConfigKey<Integer> PASSWORD_MIN_LENGTH = ConfigKey.integer(
            "password.min_length",
            10,
            "minimum length (characters) of a new user or administrator password; a tenant may set a longer one");
    public static final ConfigKey<Integer> LOGIN_FREE_FAILURES = ConfigKey.integer(
            "admin.login.free_failures",
            5,
            "failed logins of one administrator before further attempts on it are slowed down");
    public static final ConfigKey<Integer> ADDRESS_FREE_FAILURES = ConfigKey.integer(
            "admin.login.free_failures_per_address",
            10,
            "failed administrator logins from one source address (any login) before its attempts are slowed down");
    public static final ConfigKey<Integer> LOGIN_BASE_DELAY = ConfigKey.integer(
            "admin.login.base_delay",
            1,
            "seconds refused after the first failure beyond the free ones; doubles with each further failure");
    public static final ConfigKey<Integer> LOGIN_MAX_DELAY = ConfigKey.integer(
            "admin.login.max_delay", 900, "longest refusal (seconds) after failed administrator logins");
    public static final ConfigKey<Integer> LOGIN_WINDOW = ConfigKey.integer(
            "admin.login.window", 900, "seconds without a failure after which the count of failed logins starts again");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(
                PASSWORD_MIN_LENGTH,
                LOGIN_FREE_FAILURES,
                ADDRESS_FREE_FAILURES,
                LOGIN_BASE_DELAY,
                LOGIN_MAX_DELAY,
                LOGIN_WINDOW);
    }
}
