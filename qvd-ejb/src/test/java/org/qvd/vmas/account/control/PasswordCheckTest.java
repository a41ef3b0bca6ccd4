package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The one place a password is checked, with the real bcrypt (cost 4 to keep the test quick) behind the real cache:
 * what the cache holds after a login is searched, field by field, for the password in every encoding it could be kept
 * in.
 */
class PasswordCheckTest {

    private static final String PASSWORD = "Sekret-Pw-\u00f1-1";

    private final PasswordHasher hasher = new PasswordHasher(4);
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(5), 100, System::nanoTime, 2);
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordCheck check = new PasswordCheck(hasher, cache) {
        @Override
        protected boolean slowCheck(Account account, String password) {
            slowChecks.incrementAndGet();
            return super.slowCheck(account, password);
        }
    };

    @Test
    void theCacheNeverHoldsThePasswordOnlyAKeyedDigest() throws Exception {
        PasswordCheck.Account user =
                new PasswordCheck.Account(PasswordCheck.Kind.USER, 7, "alice@acme", hasher.hash(PASSWORD));
        assertThat(check.verify(user, PASSWORD)).isTrue();
        assertThat(check.verify(user, PASSWORD)).isTrue();
        assertThat(slowChecks).as("the second login came from the cache").hasValue(1);

        List<Object> reachable = new ArrayList<>();
        walk(cache, reachable, new IdentityHashMap<>(), 0);
        assertThat(reachable).as("what the cache holds").isNotEmpty();
        byte[][] forms = {
            PASSWORD.getBytes(StandardCharsets.UTF_8),
            PASSWORD.getBytes(StandardCharsets.UTF_16BE),
            PASSWORD.getBytes(StandardCharsets.UTF_16LE),
            PASSWORD.getBytes(StandardCharsets.ISO_8859_1)
        };
        for (Object o : reachable) {
            if (o instanceof String s) {
                assertThat(s).doesNotContain(PASSWORD);
            } else if (o instanceof byte[] bytes) {
                for (byte[] form : forms) {
                    assertThat(indexOf(bytes, form))
                            .as("a byte array held by the cache")
                            .isNegative();
                }
            } else if (o instanceof char[] chars) {
                assertThat(new String(chars)).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceAlthoughTheOldOneWasCached() {
        PasswordCheck.Account before =
                new PasswordCheck.Account(PasswordCheck.Kind.USER, 8, "bob", hasher.hash(PASSWORD));
        assertThat(check.verify(before, PASSWORD)).isTrue();
        // what the account stores after the change, even on a node that was never told to forget
        PasswordCheck.Account after =
                new PasswordCheck.Account(PasswordCheck.Kind.USER, 8, "bob", hasher.hash("New-Pw-22"));
        assertThat(check.verify(after, PASSWORD)).isFalse();
        assertThat(check.verify(after, "New-Pw-22")).isTrue();
    }

    @Test
    void forgetCostsTheNextLoginAHashCheckAndAnAdministratorIsNotAUser() {
        String hash = hasher.hash(PASSWORD);
        PasswordCheck.Account user = new PasswordCheck.Account(PasswordCheck.Kind.USER, 9, "carol", hash);
        PasswordCheck.Account admin = new PasswordCheck.Account(PasswordCheck.Kind.ADMIN, 9, "carol", hash);
        check.verify(user, PASSWORD);
        check.verify(admin, PASSWORD);
        assertThat(slowChecks).hasValue(2);
        check.forget(PasswordCheck.Kind.USER, 9);
        assertThat(check.verify(admin, PASSWORD)).isTrue();
        assertThat(slowChecks).as("the administrator 9 is still remembered").hasValue(2);
        assertThat(check.verify(user, PASSWORD)).isTrue();
        assertThat(slowChecks).as("the user 9 was forgotten").hasValue(3);
    }

    @Test
    void unknownLoginsEmptyPasswordsAndAccountsWithoutAHashAreRefused() {
        assertThat(check.verify(null, PASSWORD)).isFalse();
        PasswordCheck.Account noHash = new PasswordCheck.Account(PasswordCheck.Kind.USER, 10, "dave", null);
        assertThat(check.verify(noHash, PASSWORD)).isFalse();
        assertThat(check.verify(noHash, PASSWORD)).isFalse();
        PasswordCheck.Account user =
                new PasswordCheck.Account(PasswordCheck.Kind.USER, 11, "erin", hasher.hash(PASSWORD));
        assertThat(check.verify(user, "")).isFalse();
        assertThat(check.verify(user, null)).isFalse();
    }

    /** Every object reachable from {@code o} through fields, arrays and collections (the JDK's own classes too). */
    private static void walk(Object o, List<Object> out, Map<Object, Boolean> seen, int depth) throws Exception {
        if (o == null || seen.put(o, Boolean.TRUE) != null || depth > 12 || o instanceof Class<?>) {
            return;
        }
        out.add(o);
        if (o instanceof String || o instanceof Number || o instanceof Boolean) {
            return;
        }
        if (o.getClass().isArray()) {
            if (!o.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(o); i++) {
                    walk(Array.get(o, i), out, seen, depth + 1);
                }
            }
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getKey(), out, seen, depth + 1);
                walk(e.getValue(), out, seen, depth + 1);
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c) {
                walk(e, out, seen, depth + 1);
            }
            return;
        }
        if (o.getClass().getName().startsWith("java.")) {
            return; // e.g. a Semaphore: nothing of the password can be in it, and its fields are closed to reflection
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    walk(f.get(o), out, seen, depth + 1);
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
