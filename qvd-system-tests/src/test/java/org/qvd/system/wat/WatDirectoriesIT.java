package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.directory.TestDirectory;

/**
 * The Directories screen: a superadmin connects a tenant to a real LDAP server (UnboundID's, over LDAPS) in the WAT,
 * tests a login there (found, its groups, admitted), and sees the stored bind secret only as "stored"; a plain
 * ldap:// URL without StartTLS is refused with the VMAS's reason.
 */
@ExtendWith(RunningSystem.class)
class WatDirectoriesIT {

    private static TestDirectory ldap;

    @BeforeAll
    static void startDirectory() throws Exception {
        ldap = new TestDirectory(Path.of("target", "ldap-wat"));
    }

    @AfterAll
    static void stopDirectory() {
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void aSuperadminConnectsATenantToItsDirectoryAndTestsALogin(QvdSystem system) throws Exception {
        String tenant = WatData.unique("dir");
        new WatData(system).tenant(tenant);
        String group = WatData.unique("vdi");
        String login = WatData.unique("lea");
        ldap.addGroup(group, ldap.addUser(login, "Lea-Pw-1"));
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/directories.xhtml");
            b.click(By.id("dirForm:newDirectory"));
            Forms.selectOne(b, "dirDlgForm:tenant", tenant);
            b.type(By.id("dirDlgForm:url"), ldap.ldapsUrl().replace("ldaps://", "ldap://"));
            b.type(By.id("dirDlgForm:userBaseDn"), TestDirectory.PEOPLE);
            b.click(By.id("dirDlgForm:save"));
            assertThat(b.growl()).as("plain LDAP without StartTLS").contains("directory.invalid_settings");
            b.clearGrowl();

            b.type(By.id("dirDlgForm:url"), ldap.ldapsUrl());
            b.type(By.id("dirDlgForm:caPem"), ldap.caPem());
            b.type(By.id("dirDlgForm:bindDn"), TestDirectory.SERVICE_DN);
            b.type(By.id("dirDlgForm:bindSecret"), TestDirectory.SERVICE_SECRET);
            b.type(By.id("dirDlgForm:groupBaseDn"), TestDirectory.GROUPS);
            b.type(By.id("dirDlgForm:requiredGroup"), group);
            b.click(By.id("dirDlgForm:save"));
            assertThat(b.growl()).contains("connected");
            b.clearGrowl();
            assertThat(Forms.row(b, "dirForm:dirTable", tenant).getText())
                    .contains(ldap.ldapsUrl())
                    .contains(group)
                    .doesNotContain(TestDirectory.SERVICE_SECRET);

            Forms.rowAction(b, "dirForm:dirTable", tenant, "probe");
            b.type(By.id("probeForm:probeLogin"), login);
            b.click(By.id("probeForm:runProbe"));
            assertThat(b.text(By.id("probeFound"))).contains("✓").contains(login);
            assertThat(b.text(By.id("probeGroups"))).contains(group);
            assertThat(b.text(By.id("probeAdmitted"))).contains("✓");
            b.screenshot("40-directory-probe");
        }
    }
}
