package org.qvd.vmas.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.directory.TestDirectory;
import org.qvd.vmas.directory.entity.DirectorySettings;

/** Lookups and binds against a real LDAP server (UnboundID's in-memory directory, over LDAPS and StartTLS). */
class LdapEndpointTest {

    private static TestDirectory ldap;
    private static String aliceDn;

    @BeforeAll
    static void start() throws Exception {
        ldap = new TestDirectory(Path.of("target", "ldap"));
        aliceDn = ldap.addUser("alice", "Alice-Pw-1");
        ldap.addUser("mallory", "Mallory-Pw-1");
        ldap.addGroup("vdi", aliceDn);
    }

    @AfterAll
    static void stop() {
        ldap.close();
    }

    static DirectorySettings settings(String url, boolean startTls, String caPem) {
        return new DirectorySettings(
                url,
                startTls,
                caPem,
                TestDirectory.SERVICE_DN,
                TestDirectory.SERVICE_SECRET,
                TestDirectory.PEOPLE,
                DirectorySettings.DEFAULT_USER_FILTER,
                TestDirectory.GROUPS,
                DirectorySettings.DEFAULT_GROUP_FILTER,
                "vdi",
                true,
                null,
                "default",
                30,
                true,
                new TreeMap<>());
    }

    @Test
    void findsTheEntryAndItsGroupsAndBindsOverLdaps() {
        try (LdapEndpoint ldaps = new LdapEndpoint(settings(ldap.ldapsUrl(), false, ldap.caPem()), System::nanoTime)) {
            DirectoryEntry alice = ldaps.lookup("alice").orElseThrow();
            assertThat(alice.dn()).isEqualTo(aliceDn);
            assertThat(alice.memberOf("vdi")).isTrue();
            assertThat(alice.memberOf("cn=vdi," + TestDirectory.GROUPS)).isTrue();
            assertThat(ldaps.lookup("mallory").orElseThrow().memberOf("vdi")).isFalse();
            assertThat(ldaps.bind(aliceDn, "Alice-Pw-1")).isTrue();
            assertThat(ldaps.bind(aliceDn, "Mallory-Pw-1")).isFalse();
            assertThat(ldaps.bind(aliceDn, ""))
                    .as("an empty password is an anonymous bind: refused")
                    .isFalse();
        }
    }

    @Test
    void worksOverStartTls() {
        try (LdapEndpoint startTls =
                new LdapEndpoint(settings(ldap.startTlsUrl(), true, ldap.caPem()), System::nanoTime)) {
            assertThat(startTls.lookup("alice").orElseThrow().dn()).isEqualTo(aliceDn);
            assertThat(startTls.bind(aliceDn, "Alice-Pw-1")).isTrue();
        }
    }

    @Test
    void aLoginIsAValueNeverFilterSyntax() {
        try (LdapEndpoint ldaps = new LdapEndpoint(settings(ldap.ldapsUrl(), false, ldap.caPem()), System::nanoTime)) {
            assertThat(ldaps.lookup("*")).isEmpty();
            assertThat(ldaps.lookup("alice)(uid=*")).isEmpty();
            assertThat(ldaps.lookup("nobody")).isEmpty();
        }
    }

    @Test
    void refusesAServerWhoseCertificateIsNotTrusted() {
        try (LdapEndpoint untrusted = new LdapEndpoint(settings(ldap.ldapsUrl(), false, null), System::nanoTime)) {
            assertThatThrownBy(() -> untrusted.lookup("alice"))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageContaining("unreachable")
                    .hasMessageContaining("PKIX");
        }
    }

    @Test
    void aServerThatNeverAnswersCostsBoundedTimeOnceThenFailsAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LdapEndpoint hanging = new LdapEndpoint(
                        settings("ldaps://localhost:" + silent.getLocalPort(), false, ldap.caPem()),
                        System::nanoTime)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> hanging.lookup("alice")).isInstanceOf(DirectoryUnavailableException.class);
            long firstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            start = System.nanoTime();
            assertThatThrownBy(() -> hanging.bind(aliceDn, "Alice-Pw-1"))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageContaining("not asked again");
            long secondMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println(
                    "[LdapEndpointTest] silent server: first call " + firstMs + " ms, next " + secondMs + " ms");
            assertThat(firstMs)
                    .isLessThan(LdapEndpoint.CONNECT_TIMEOUT
                                    .plus(LdapEndpoint.RESPONSE_TIMEOUT)
                                    .toMillis()
                            + 2000);
            // asking the silent server again would cost the whole response timeout (it accepts and never answers)
            assertThat(secondMs).isLessThan(LdapEndpoint.RESPONSE_TIMEOUT.toMillis() / 2);
        }
    }
}
