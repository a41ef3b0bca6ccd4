package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host agents' broker accounts in the server's realm, as the next start of the server must find them. */
class HkdAccountTest {

    @Test
    void everyHostIssuedAnAccountIsFoundAgainForTheNextStart(@TempDir Path dir) throws Exception {
        Path configuration = Files.createDirectories(dir.resolve("configuration"));
        Files.writeString(
                configuration.resolve("application-roles.properties"),
                "# WildFly's own users\nguest=guest\nqvd-hkd=qvd-hkd\nqvd-hkd-forged=qvd-hkd\n");
        HkdAccount.ensure(dir, configuration, "local-node");
        HkdAccount.issue(configuration, "host2");
        HkdAccount.issue(configuration, "host-1");

        assertThat(HkdAccount.hosts(configuration))
                .as("agents with their own role; not the old shared account, not a user without its host role")
                .containsExactly("host-1", "host2", "local-node");
    }

    @Test
    void noRealmFileMeansNoHost(@TempDir Path dir) {
        assertThat(HkdAccount.hosts(dir)).isEmpty();
    }
}
