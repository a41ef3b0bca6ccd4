package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/** The management screens: tenants, administrators and their roles, configuration, properties, hosts. */
@ExtendWith(RunningSystem.class)
class WatManagementIT {

    @Test
    void createsATenantAndAnAdministratorWithARoleWhoThenLogsIn(QvdSystem system) throws Exception {
        String tenant = WatData.unique("t");
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/tenants.xhtml");
            b.click(By.id("tenantForm:newTenant"));
            b.type(By.id("tenantDlgForm:name"), tenant);
            b.click(By.id("tenantDlgForm:save"));
            assertThat(b.growl()).contains("Tenant " + tenant + " created");
            b.clearGrowl();

            b.open("/admins.xhtml");
            b.click(By.id("adminForm:newAdmin"));
            Forms.selectOne(b, "adminDlgForm:tenant", tenant);
            b.type(By.id("adminDlgForm:name"), "chief");
            b.type(By.id("adminDlgForm:password"), "Chief-Password-1");
            b.click(By.id("adminDlgForm:save"));
            assertThat(b.growl()).contains("Administrator chief created");
            b.clearGrowl();
            Forms.filter(b, "adminForm:adminTable:nameCol:filter", "chief");
            Forms.rowAction(b, "adminForm:adminTable", tenant, "roles");
            Forms.selectOne(b, "roleAssignForm:role", "Operator");
            b.click(By.id("roleAssignForm:assign"));
            assertThat(b.growl()).contains("Role given to chief");
            assertThat(Forms.row(b, "adminForm:adminTable", tenant).getText()).contains("Operator");
            b.screenshot("14-admin-with-role");
            b.open("/index.xhtml");
            b.click(By.id("top:logout"));

            b.login("chief@" + tenant, "Chief-Password-1");
            assertThat(b.text(By.id("who"))).isEqualTo("chief@" + tenant);
            b.open("/vms.xhtml");
            assertThat(b.all(By.id("vmForm:newVm")))
                    .as("an Operator cannot create VMs: no button")
                    .isEmpty();
            assertThat(b.all(By.id("vmForm:bulkStart")))
                    .as("but may start and stop them")
                    .hasSize(1);
        }
    }

    @Test
    void showsTheGlobalConfigurationValueBesideTheTenantsOwn(QvdSystem system) throws Exception {
        String tenant = WatData.unique("t");
        new WatData(system).tenant(tenant);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/config.xhtml");
            Forms.selectOne(b, "configForm:tenant", tenant);
            b.type(By.id("configForm:key"), "osf.default.memory");
            b.type(By.id("configForm:value"), "768");
            b.click(By.id("configForm:save"));
            assertThat(b.growl()).contains("osf.default.memory saved");
            String row =
                    Forms.row(b, "configForm:configTable", "osf.default.memory").getText();
            assertThat(row).contains("768", "this tenant", "256");
            b.screenshot("15-config-tenant-and-global");
        }
    }

    @Test
    void setsAPropertyOnAHostAndBlocksTheHost(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String name = WatData.unique("h");
        long host = data.runningHost(name);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/properties.xhtml");
            Forms.selectOne(b, "propForm:type", "Host");
            b.type(By.id("propForm:objectId_input"), Long.toString(host));
            b.click(By.id("propForm:show"));
            b.type(By.id("propForm:key"), "rack");
            b.type(By.id("propForm:value"), "B-12");
            b.click(By.id("propForm:set"));
            assertThat(b.growl()).contains("Property rack set");
            assertThat(b.text(By.id("propForm:propTable"))).contains("rack", "B-12");
            b.clearGrowl();

            b.open("/hosts.xhtml");
            Forms.filter(b, "hostForm:hostTable:nameCol:filter", name);
            assertThat(Forms.row(b, "hostForm:hostTable", name).getText()).contains("running");
            Forms.rowAction(b, "hostForm:hostTable", name, "block");
            assertThat(b.growl()).contains("Host " + name + " blocked");
            b.screenshot("16-host-blocked");
        } finally {
            data.retireHost(host);
        }
    }
}
