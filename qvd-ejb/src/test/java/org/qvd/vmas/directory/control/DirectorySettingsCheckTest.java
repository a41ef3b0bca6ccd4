package org.qvd.vmas.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.directory.entity.DirectorySettings;
import org.qvd.vmas.platform.error.InvalidInputException;

/** What an admin is told for directory settings that could not work or would send passwords in clear. */
class DirectorySettingsCheckTest {

    private static DirectorySettings with(
            String url, boolean startTls, String caPem, String userFilter, String groupFilter, String baseDn) {
        return new DirectorySettings(
                url,
                startTls,
                caPem,
                "cn=qvd,dc=example,dc=org",
                "s",
                baseDn,
                userFilter,
                null,
                groupFilter,
                null,
                true,
                null,
                "default",
                30,
                true,
                new TreeMap<>());
    }

    @Test
    void acceptsLdapsAndLdapWithStartTls() {
        assertThat(DirectorySettingsCheck.check(with(
                                "ldaps://ad.example.org", false, null, "(sAMAccountName=%u)", "", "dc=example,dc=org"))
                        .url())
                .isEqualTo("ldaps://ad.example.org");
        assertThat(DirectorySettingsCheck.check(with(
                                "ldap://ad.example.org:389",
                                true,
                                null,
                                "(uid=%u)",
                                DirectorySettings.DEFAULT_GROUP_FILTER,
                                "dc=example,dc=org"))
                        .startTls())
                .isTrue();
    }

    @Test
    void refusesSettingsThatCouldNotWorkOrWouldSendPasswordsInClear() {
        assertRefused(with("ldap://ad.example.org", false, null, "(uid=%u)", "", "dc=x"), "in clear");
        assertRefused(with("ldaps://ad.example.org", true, null, "(uid=%u)", "", "dc=x"), "StartTLS is for ldap://");
        assertRefused(with("http://ad.example.org", false, null, "(uid=%u)", "", "dc=x"), "not an LDAP URL");
        assertRefused(with("ldaps://ad.example.org", false, null, "(uid=alice)", "", "dc=x"), "%u");
        assertRefused(with("ldaps://ad.example.org", false, null, "(uid=%u", "", "dc=x"), "not an LDAP filter");
        assertRefused(with("ldaps://ad.example.org", false, null, "(uid=%u)", "(member=%d", "dc=x"), "groupFilter");
        assertRefused(with("ldaps://ad.example.org", false, null, "(uid=%u)", "", "not a dn"), "not a DN");
        assertRefused(
                with(
                        "ldaps://ad.example.org",
                        false,
                        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                        "(uid=%u)",
                        "",
                        "dc=x"),
                "caPem");
    }

    private static void assertRefused(DirectorySettings settings, String expected) {
        assertThatThrownBy(() -> DirectorySettingsCheck.check(settings))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("directory.invalid_settings"));
    }

    @Test
    void theSettingsNeverPrintTheBindSecret() {
        assertThat(with("ldaps://h", false, null, "(uid=%u)", "", "dc=x").toString())
                .doesNotContain("bindSecret")
                .doesNotContain("=s,");
    }
}
