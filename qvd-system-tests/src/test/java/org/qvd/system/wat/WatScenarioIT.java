package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/** An administrator runs the farm from the WAT in a real (headless) browser. */
@ExtendWith(RunningSystem.class)
class WatScenarioIT {

    static final String SUPERADMIN = "superadmin@*";

    @Test
    void refusesAWrongPasswordOnTheLoginPage(QvdSystem system) throws Exception {
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(SUPERADMIN, "not-the-password");
            assertThat(b.text(By.id("login-error"))).contains("Wrong login or password");
            b.screenshot("00-login-refused");
        }
    }

    @Test
    void showsTheDashboardWithCountsAndChartsAfterLogin(QvdSystem system) throws Exception {
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            assertThat(b.text(By.id("who"))).isEqualTo(SUPERADMIN);
            assertThat(b.all(By.cssSelector("[id$='count-vms']"))).hasSize(1);
            // the cards show what the statistics service counts (the superadmin sees every tenant)
            WatData data = new WatData(system);
            assertThat(Long.parseLong(b.text(By.cssSelector("[id$='count-vms']"))))
                    .isEqualTo(data.count("SELECT COUNT(*) FROM vm"));
            assertThat(Long.parseLong(b.text(By.cssSelector("[id$='count-hosts']"))))
                    .isEqualTo(data.count("SELECT COUNT(*) FROM host"));
            assertThat(Long.parseLong(b.text(By.cssSelector("[id$='count-users']"))))
                    .isEqualTo(data.count("SELECT COUNT(*) FROM app_user"));
            assertThat(b.all(By.cssSelector(
                            "#dash\\:vmChart canvas, #dash\\:hostChart canvas, #dash\\:loadChart canvas")))
                    .hasSize(3);
            String before = b.text(By.id("dash:refreshed"));
            b.screenshot("01-dashboard");
            // the dashboard polls every 10 s without reloading the page
            await("the dashboard refreshed itself")
                    .atMost(Duration.ofSeconds(25))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !b.text(By.id("dash:refreshed")).equals(before));
            assertThat(b.text(By.id("who"))).isEqualTo(SUPERADMIN);

            b.click(By.id("top:logout"));
            assertThat(b.all(By.id("j_username"))).hasSize(1);
        }
    }

    @Test
    void switchesTheScreensToSpanish(QvdSystem system) throws Exception {
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.click(By.id("top:langEs"));
            b.open("/vms.xhtml");
            assertThat(b.text(By.cssSelector(".wat-title"))).isEqualTo("Máquinas virtuales");
            assertThat(b.text(By.id("top:logout"))).isEqualTo("Salir");
            b.screenshot("12-spanish-vm-list");
        }
    }

    @Test
    void createsAnOsfADiAUserAndAVmThenStartsStopsAndBlocksIt(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String tenant = WatData.unique("t");
        data.tenant(tenant);
        String osf = WatData.unique("osf");
        String login = WatData.unique("u");
        String vm = WatData.unique("vm");
        long host = 0;
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);

            b.open("/osfs.xhtml");
            b.click(By.id("osfForm:newOsf"));
            Forms.selectOne(b, "osfDlgForm:tenant", tenant);
            b.type(By.id("osfDlgForm:name"), osf);
            b.click(By.id("osfDlgForm:save"));
            assertThat(b.growl()).contains("OS flavour " + osf + " created");
            b.screenshot("02-osf-created");

            b.open("/dis.xhtml");
            b.click(By.id("diForm:newDi"));
            Forms.selectOne(b, "diDlgForm:osf", osf);
            // leaving the field hands the version to the dialog (AJAX) before the upload registers the DI
            b.type(By.id("diDlgForm:version"), "1.0" + Keys.TAB);
            b.settle();
            Path image = WatImagesIT.qcow2(
                    Path.of(System.getProperty("java.io.tmpdir")).resolve(osf + ".qcow2"));
            try {
                b.driver.findElement(By.id("diDlgForm:upload_input")).sendKeys(image.toString());
                assertThat(b.growl()).contains("Disk image 1.0 uploaded and registered");
            } finally {
                Files.deleteIfExists(image);
            }
            b.open("/dis.xhtml");
            assertThat(Forms.row(b, "diForm:diTable", osf).getText()).contains("1.0", "head", "default");
            b.screenshot("03-di-created");

            b.open("/users.xhtml");
            b.click(By.id("userForm:newUser"));
            Forms.selectOne(b, "userDlgForm:tenant", tenant);
            b.type(By.id("userDlgForm:login"), login);
            b.type(By.id("userDlgForm:password"), "User-Password-1");
            b.click(By.id("userDlgForm:save"));
            assertThat(b.growl()).contains("User " + login + " created");

            b.open("/vms.xhtml");
            b.click(By.id("vmForm:newVm"));
            Forms.autoComplete(b, "vmDlgForm:user", login);
            Forms.selectOne(b, "vmDlgForm:osf", osf);
            b.type(By.id("vmDlgForm:name"), vm);
            b.click(By.id("vmDlgForm:save"));
            assertThat(b.growl()).contains("VM " + vm + " created");
            b.screenshot("04-vm-created");

            Forms.filter(b, "vmForm:vmTable:nameCol:filter", vm);
            if (data.count("SELECT COUNT(*) FROM host h JOIN host_runtime r ON r.host_id = h.id "
                            + "WHERE r.state = 'running' AND NOT h.blocked")
                    == 0) {
                Forms.rowAction(b, "vmForm:vmTable", vm, "start");
                assertThat(b.growl())
                        .as("no host runs: a clear refusal with its code, no stack trace")
                        .contains("[vm.no_host]")
                        .doesNotContain("Exception");
                b.screenshot("05-vm-start-refused-no-host");
                b.clearGrowl();
            }

            host = data.runningHost(WatData.unique("h"));
            Forms.rowAction(b, "vmForm:vmTable", vm, "start");
            assertThat(b.growl()).contains("Start of VM " + vm + " requested");
            assertThat(Forms.row(b, "vmForm:vmTable", vm).getText()).contains("starting");
            b.clearGrowl();
            Forms.rowAction(b, "vmForm:vmTable", vm, "stop");
            assertThat(b.growl()).contains("Stop of VM " + vm + " requested");
            b.clearGrowl();
            Forms.rowAction(b, "vmForm:vmTable", vm, "block");
            assertThat(b.growl()).contains("VM " + vm + " blocked");
            assertThat(Forms.row(b, "vmForm:vmTable", vm).findElements(By.cssSelector(".vm-blocked")))
                    .hasSize(1);
            b.screenshot("06-vm-blocked");

            Forms.rowAction(b, "vmForm:vmTable", vm, "detail");
            assertThat(b.text(By.id("detailForm:dName"))).isEqualTo(vm);
            assertThat(b.text(By.id("detailForm:history"))).contains("starting");
            String page = b.driver.getCurrentUrl();
            assertThat(page).as("the VM detail is its own page").containsPattern("/vm\\.xhtml\\?id=\\d+$");
            b.screenshot("07-vm-detail");
            b.clearGrowl();
            b.click(By.id("detailForm:dUnblock"));
            assertThat(b.growl()).contains("VM " + vm + " unblocked");
            assertThat(b.text(By.id("detailForm:dBlocked"))).isEqualTo("No");

            b.driver.get(page); // bookmarkable
            b.settle();
            assertThat(b.text(By.id("detailForm:dName"))).isEqualTo(vm);
            b.open("/vm.xhtml?id=999999999");
            assertThat(b.text(By.id("detailForm:missing"))).contains("No VM with that id");
        } finally {
            if (host != 0) {
                data.retireHost(host);
            }
        }
    }

    @Test
    void filtersTheVmListAndBlocksTheSelectionInBulk(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        long tenant = data.tenant(WatData.unique("t"));
        long user = data.user(tenant, WatData.unique("u"));
        long osf = data.osf(tenant, WatData.unique("osf"));
        String prefix = WatData.unique("bulk");
        data.vms(user, osf, prefix, 3);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/vms.xhtml");
            Forms.filter(b, "vmForm:vmTable:nameCol:filter", prefix);
            assertThat(b.all(By.cssSelector("#vmForm\\:vmTable_data .vm-name"))).hasSize(3);
            b.click(By.cssSelector("#vmForm\\:vmTable_head .ui-chkbox-box"));
            b.click(By.id("vmForm:bulkBlock"));
            assertThat(b.growl()).contains("Block: done for 3 object(s)");
            assertThat(b.all(By.cssSelector("#vmForm\\:vmTable_data .vm-blocked")))
                    .hasSize(3);
            assertThat(data.count("SELECT COUNT(*) FROM vm WHERE blocked AND name LIKE '" + prefix + "-%'"))
                    .isEqualTo(3);
            b.screenshot("08-vm-bulk-block");

            b.open("/audit.xhtml");
            Forms.filter(b, "auditForm:auditTable:actionCol:filter", "vm.block");
            assertThat(b.all(By.cssSelector("#auditForm\\:auditTable_data .audit-object")).stream()
                            .map(WebElement::getText)
                            .filter(t -> t.startsWith(prefix)))
                    .hasSize(3);
            assertThat(b.text(By.id("auditForm:auditTable_data"))).contains("superadmin@*", "ok");
            b.screenshot("09-audit-log");
        }
    }

    @Test
    void aTenantAdminSeesOnlyItsOwnTenantsObjects(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String own = WatData.unique("own");
        String other = WatData.unique("other");
        long ownTenant = data.tenant(own);
        long otherTenant = data.tenant(other);
        data.vms(data.user(ownTenant, "alice"), data.osf(ownTenant, "desk"), own, 2);
        data.vms(data.user(otherTenant, "bob"), data.osf(otherTenant, "desk"), other, 2);
        data.admin(ownTenant, "boss", "Boss-Password-1", "Tenant Admin");
        try (Browser b = new Browser(system.httpsPort())) {
            b.login("boss@" + own, "Boss-Password-1");
            assertThat(b.text(By.id("who"))).isEqualTo("boss@" + own);
            b.open("/vms.xhtml");
            String table = b.text(By.id("vmForm:vmTable_data"));
            assertThat(table).contains(own + "-00001", own + "-00002").doesNotContain(other);
            assertThat(b.all(By.id("top:mTenants")))
                    .as("no tenant menu for a tenant admin")
                    .isEmpty();
            b.screenshot("10-tenant-admin-vms");
            Forms.filter(b, "vmForm:vmTable:nameCol:filter", other);
            assertThat(b.all(By.cssSelector("#vmForm\\:vmTable_data .vm-name"))).isEmpty();
            b.screenshot("11-tenant-admin-filters-other-tenant");

            b.open("/users.xhtml");
            assertThat(b.text(By.id("userForm:userTable_data")))
                    .contains("alice")
                    .doesNotContain("bob");
        }
    }
}
