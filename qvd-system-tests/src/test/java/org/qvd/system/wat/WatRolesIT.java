package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * A role edited in the WAT decides what another administrator sees: two browsers, the superadmin
 * editing the role and the tenant's administrator using it.
 */
@ExtendWith(RunningSystem.class)
class WatRolesIT {

    private static final String EFFECTIVE = "aclForm:effective";

    @Test
    void aRolesGrantsAndDenialsDecideTheMenusAndButtonsOfItsAdministrator(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String tenant = WatData.unique("t");
        long tenantId = data.tenant(tenant);
        String admin = WatData.unique("ops");
        data.admin(tenantId, admin, "Ops-Password-1", "no such role: none");
        String role = WatData.unique("Desk");
        try (Browser root = new Browser(system.httpsPort());
                Browser ops = new Browser(system.httpsPort())) {
            root.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            createRole(root, tenant, role);
            editAcls(root, role);
            assignRole(root, admin, role);

            ops.login(admin + "@" + tenant, "Ops-Password-1");
            assertThat(ops.text(By.id("who"))).isEqualTo(admin + "@" + tenant);
            assertThat(ops.all(By.id("top:mVms")))
                    .as("vm.see inherited from Reader")
                    .hasSize(1);
            assertThat(ops.all(By.id("top:mHosts")))
                    .as("host.see inherited from Reader")
                    .hasSize(1);
            assertThat(ops.all(By.id("top:mUsers"))).as("user.see denied").isEmpty();
            assertThat(ops.all(By.id("top:mRoles"))).as("role.see inherited").hasSize(1);
            ops.open("/vms.xhtml");
            assertThat(ops.all(By.id("vmForm:bulkStart")))
                    .as("vm.update.state granted")
                    .hasSize(1);
            assertThat(ops.all(By.id("vmForm:bulkStop"))).hasSize(1);
            assertThat(ops.all(By.id("vmForm:newVm")))
                    .as("vm.create never granted")
                    .isEmpty();
            assertThat(ops.all(By.id("vmForm:bulkBlock")))
                    .as("vm.update.block never granted")
                    .isEmpty();
            ops.screenshot("22-admin-with-edited-role");
            ops.open("/users.xhtml");
            assertThat(ops.growl())
                    .as("the page is not the guard: the service refuses the denied ACL")
                    .contains("user.see", "[acl.forbidden]");

            revoke(root, role, "vm.update.state");
            ops.open("/vms.xhtml");
            assertThat(ops.all(By.id("vmForm:bulkStart")))
                    .as("revoked: gone at the next page load")
                    .isEmpty();
            assertThat(ops.all(By.id("top:mVms"))).hasSize(1);
            ops.screenshot("24-admin-after-revoke");
        }
    }

    private static void createRole(Browser b, String tenant, String role) throws InterruptedException {
        b.open("/roles.xhtml");
        b.click(By.id("roleForm:newRole"));
        Forms.selectOne(b, "roleDlgForm:tenant", tenant);
        b.type(By.id("roleDlgForm:name"), role);
        b.click(By.id("roleDlgForm:save"));
        assertThat(b.growl()).contains("Role " + role + " created");
        b.clearGrowl();
        Forms.filter(b, "roleForm:roleTable:nameCol:filter", role);
        Forms.rowAction(b, "roleForm:roleTable", role, "acls");
    }

    /** Reader inherited, vm.update.state granted, user.see denied; the effective list follows each step. */
    private static void editAcls(Browser b, String role) throws Exception {
        assertThat(b.text(By.id(EFFECTIVE))).isEqualTo("[]");
        Forms.selectOne(b, "aclForm:inherit", "Reader");
        b.click(By.id("aclForm:inheritBtn"));
        assertThat(b.growl()).contains("Role " + role + " now inherits");
        assertThat(b.text(By.id(EFFECTIVE)))
                .contains("vm.see", "user.see", "host.see")
                .doesNotContain("vm.update.state");

        Forms.selectOne(b, "aclForm:aclName", "vm.update.state");
        b.click(By.id("aclForm:grant"));
        assertThat(b.growl()).contains("ACL vm.update.state granted");
        assertThat(b.text(By.id(EFFECTIVE))).contains("vm.update.state");

        Forms.selectOne(b, "aclForm:aclName", "user.see");
        b.click(By.id("aclForm:deny"));
        assertThat(b.growl()).contains("ACL user.see denied");
        assertThat(b.text(By.id(EFFECTIVE)))
                .contains("vm.see", "vm.update.state")
                .doesNotContain("user.see");
        assertThat(b.text(By.id("denied"))).contains("user.see");
        assertThat(b.text(By.id("granted"))).contains("vm.update.state");
        b.screenshot("21-role-acls-edited");
        b.clearGrowl();
    }

    private static void assignRole(Browser b, String admin, String role) throws InterruptedException {
        b.open("/admins.xhtml");
        Forms.filter(b, "adminForm:adminTable:nameCol:filter", admin);
        Forms.rowAction(b, "adminForm:adminTable", admin, "roles");
        Forms.selectOne(b, "roleAssignForm:role", role);
        b.click(By.id("roleAssignForm:assign"));
        assertThat(b.growl()).contains("Role given to " + admin);
        assertThat(Forms.row(b, "adminForm:adminTable", admin).getText()).contains(role);
        b.clearGrowl();
    }

    private static void revoke(Browser b, String role, String acl) throws Exception {
        b.open("/roles.xhtml");
        Forms.filter(b, "roleForm:roleTable:nameCol:filter", role);
        Forms.rowAction(b, "roleForm:roleTable", role, "acls");
        b.click(By.xpath("//p[@id='granted']//button[contains(., '" + acl + "')]"));
        assertThat(b.growl()).contains("ACL " + acl + " forgotten");
        assertThat(b.text(By.id(EFFECTIVE))).doesNotContain(acl).contains("vm.see");
        b.screenshot("23-role-acl-revoked");
    }
}
