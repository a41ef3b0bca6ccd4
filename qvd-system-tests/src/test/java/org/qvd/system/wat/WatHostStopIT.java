package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * Stopping a host from the host list and from its own page. No HKD runs in these tests: a host is made running by SQL, so the
 * StopHost command waits on the host's queue and the host stays {@code stopping}.
 */
@ExtendWith(RunningSystem.class)
class WatHostStopIT {

    @Test
    void stoppingAHostThatIsNotRunningShowsTheServicesRefusal(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String name = WatData.unique("h");
        long host = data.stoppedHost(name);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            stop(b, name);
            assertThat(b.growl()).contains("[host.not_running]").doesNotContain("Exception");
            assertThat(Forms.row(b, "hostForm:hostTable", name).getText()).contains("stopped");
            assertThat(state(data, host)).isEqualTo("stopped");
            b.screenshot("26-host-stop-refused");
        } finally {
            data.retireHost(host);
        }
    }

    @Test
    void stoppingARunningHostLeavesItStopping(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String name = WatData.unique("h");
        long host = data.runningHost(name);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            stop(b, name);
            assertThat(b.growl()).contains("Stop of host " + name + " requested");
            assertThat(Forms.row(b, "hostForm:hostTable", name).getText()).contains("stopping");
            assertThat(state(data, host)).isEqualTo("stopping");
            b.screenshot("27-host-stopping");
            assertThat(data.count("SELECT COUNT(*) FROM audit_log WHERE action = 'host.stop' AND object_id = " + host
                            + " AND result = 'ok'"))
                    .isEqualTo(1);
        } finally {
            data.retireHost(host);
        }
    }

    @Test
    void theHostsPageShowsItsVmsAndStopsThemWithIt(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String name = WatData.unique("h");
        long host = data.runningHost(name);
        long tenant = data.tenant(WatData.unique("t"));
        String prefix = WatData.unique("onhost");
        data.vms(data.user(tenant, "u"), data.osf(tenant, "desk"), prefix, 2);
        try (var c = data.connect();
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE vm_runtime SET host_id = " + host + ", state = 'running' WHERE vm_id IN "
                    + "(SELECT id FROM vm WHERE name LIKE '" + prefix + "-%')");
        }
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/hosts.xhtml");
            Forms.filter(b, "hostForm:hostTable:nameCol:filter", name);
            Forms.rowAction(b, "hostForm:hostTable", name, "detail");
            assertThat(b.text(By.id("hostDetailForm:hName"))).isEqualTo(name);
            assertThat(b.driver.getCurrentUrl()).endsWith("/host.xhtml?id=" + host);
            assertThat(b.text(By.id("hostDetailForm:hostVms")))
                    .contains(prefix + "-00001", prefix + "-00002", "running");

            b.click(By.id("hostDetailForm:hStop"));
            b.click(By.id("hostDetailForm:confirmYes"));
            assertThat(b.growl()).contains("Stop of host " + name + " requested");
            assertThat(b.text(By.id("hostDetailForm:hState"))).isEqualTo("stopping");
            assertThat(b.text(By.id("hostDetailForm:hostVms")))
                    .contains("stopping")
                    .doesNotContain("running");
            b.screenshot("28-host-page-stopping");
        } finally {
            data.retireHost(host);
        }
    }

    /** Filters the list to the host, presses its Stop button and confirms. */
    private static void stop(Browser b, String name) throws Exception {
        b.open("/hosts.xhtml");
        Forms.filter(b, "hostForm:hostTable:nameCol:filter", name);
        Forms.rowAction(b, "hostForm:hostTable", name, "stop");
        assertThat(b.text(By.cssSelector(".ui-confirm-dialog .ui-confirm-dialog-message")))
                .contains("Stop this host?");
        b.screenshot("25-host-stop-confirm");
        b.click(By.id("hostForm:confirmYes"));
    }

    private static String state(WatData data, long host) throws Exception {
        try (var c = data.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT state FROM host_runtime WHERE host_id = " + host)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
