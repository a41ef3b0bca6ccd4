package org.qvd.vmas.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class AuditArgumentsTest {

    record NewUser(String login, String password, String description) {}

    @SuppressWarnings("unused")
    void create(NewUser request, Long tenantId) {}

    @SuppressWarnings("unused")
    void changePassword(Long id, String password) {}

    private static Method method(String name) {
        for (Method m : AuditArgumentsTest.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void neverWritesPasswords() {
        Method m = method("create");
        String json =
                AuditArguments.json(m.getParameters(), new Object[] {new NewUser("al\"ice", "hunter2", null), 4L});
        assertThat(json).isEqualTo("{\"request\":{\"login\":\"al\\\"ice\",\"description\":null},\"tenantId\":4}");
        Method p = method("changePassword");
        assertThat(AuditArguments.json(p.getParameters(), new Object[] {9L, "hunter2"}))
                .isEqualTo("{\"id\":9}");
    }

    @Test
    void findsTheObjectIdAndName() {
        Method m = method("create");
        Object[] args = {new NewUser("alice", "x", null), 4L};
        assertThat(AuditArguments.objectName(m.getParameters(), args)).isEqualTo("alice");
        assertThat(AuditArguments.objectId(method("changePassword").getParameters(), new Object[] {9L, "x"}))
                .isEqualTo(9L);
    }
}
