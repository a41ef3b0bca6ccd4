package org.qvd.vma.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qvd.vma.session.entity.SessionUser;

class UserProvisionerTest {

    @Test
    void parsesAPasswdLine() {
        assertThat(UserProvisioner.parsePasswd("alice:x:1001:1002:Alice,,,:/home/alice:/bin/bash"))
                .contains(new SessionUser("alice", 1001, 1002, Path.of("/home/alice")));
    }

    @Test
    void refusesAMalformedPasswdLine() {
        assertThat(UserProvisioner.parsePasswd("alice:x:10x1:1002::/home/alice:/bin/bash"))
                .isEmpty();
        assertThat(UserProvisioner.parsePasswd("alice")).isEmpty();
    }
}
