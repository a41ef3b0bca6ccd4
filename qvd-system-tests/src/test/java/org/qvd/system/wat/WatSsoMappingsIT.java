package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.platform.RunningSystem;

/**
 * Issue 19: the superadmin maps a provider group to a tenant's role on the WAT's single sign-on page, the mapping is
 * what REST shows an integrator, a mapping without a value and the same mapping twice are refused with the reason,
 * and a deleted one is gone.
 */
@ExtendWith(RunningSystem.class)
class WatSsoMappingsIT {

    @Test
    void theSuperadminMapsAProviderGroupToATenantsRoleAndDeletesIt(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String tenant = WatData.unique("sso");
        long tenantId = data.tenant(tenant);
        String group = WatData.unique("qvd-ops");
        Api api = Api.superadmin(system);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            assertThat(b.all(By.id("top:mSso")))
                    .as("Management -> Single sign-on")
                    .hasSize(1);
            b.open("/sso-mappings.xhtml");

            b.click(By.id("ssoForm:newMapping"));
            Forms.selectOne(b, "ssoDlgForm:tenant", tenant);
            Forms.selectOne(b, "ssoDlgForm:role", "Operator");
            b.click(By.id("ssoDlgForm:save"));
            assertThat(b.growl()).as("no value").containsIgnoringCase("value");
            assertThat(api.get("/sso-mappings?tenantId=" + tenantId).body().toString())
                    .as("nothing created")
                    .doesNotContain("Operator");
            b.clearGrowl();

            b.type(By.id("ssoDlgForm:value"), group);
            b.click(By.id("ssoDlgForm:save"));
            assertThat(b.growl()).contains("Mapping groups=" + group + " created");
            b.clearGrowl();
            assertThat(Forms.row(b, "ssoForm:ssoTable", group).getText()).contains(tenant, "groups", "Operator");
            b.screenshot("30-sso-mappings");
            b.click(By.id("ssoForm:newMapping"));
            Forms.selectOne(b, "ssoDlgForm:tenant", tenant);
            Forms.selectOne(b, "ssoDlgForm:role", "Operator");
            b.type(By.id("ssoDlgForm:value"), group);
            b.click(By.id("ssoDlgForm:save"));
            assertThat(b.growl()).as("the same mapping twice").contains("[sso.duplicate_mapping]");
            b.clearGrowl();
            b.driver.navigate().refresh();
            b.settle();
            assertThat(b.all(By.xpath("//tbody[@id='ssoForm:ssoTable_data']/tr[contains(., '" + group + "')]")))
                    .as("one row")
                    .hasSize(1);
            Api.Reply listed = api.get("/sso-mappings?tenantId=" + tenantId);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body().toString()).as("what an integrator sees").contains(group, "Operator", tenant);

            Forms.rowAction(b, "ssoForm:ssoTable", group, "delete");
            b.click(By.id("ssoForm:confirmYes"));
            assertThat(b.growl()).contains("Mapping groups=" + group + " deleted");
            assertThat(api.get("/sso-mappings?tenantId=" + tenantId).body().toString())
                    .doesNotContain(group);
        }
    }
}
