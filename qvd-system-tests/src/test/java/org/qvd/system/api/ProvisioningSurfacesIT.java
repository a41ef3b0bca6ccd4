package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/** The "done when" of the API issue: REST, SOAP and the CLI provision alike and leave identical audit entries. */
@ExtendWith(RunningSystem.class)
class ProvisioningSurfacesIT {

    @Test
    void restSoapAndCliLeaveIdenticalAuditEntries(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        Fixtures.runningHost(system, api);

        Fixtures.TenantAdmin viaRest = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        long osf = desktop(viaRest);
        long user = viaRest.api()
                .post("/users", Map.of("login", "alice", "password", "Alice-Pw-1"))
                .id();
        long vm = viaRest.api()
                .post("/vms", Map.of("userId", user, "osfId", osf, "name", "desk"))
                .id();
        assertThat(viaRest.api().post("/vms/" + vm + "/start", "").status()).isEqualTo(200);

        Fixtures.TenantAdmin viaSoap = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        long soapOsf = desktop(viaSoap);
        Soap soap = new Soap(SoapIT.wsdl(system), viaSoap.login(), Fixtures.PASSWORD);
        String soapUser = soap.call("createUser", "login", "alice", "password", "Alice-Pw-1")
                .item("user")
                .get("id");
        String soapVm = soap.call("createVm", "userId", soapUser, "osfId", soapOsf, "name", "desk")
                .item("vm")
                .get("id");
        assertThat(soap.call("startVm", "vmId", soapVm).fault()).isNull();

        Fixtures.TenantAdmin viaCli = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        desktop(viaCli);
        Map<String, String> env = Cli.env(system, viaCli.login(), Fixtures.PASSWORD);
        Cli.run(env, "user", "add", "login=alice", "password=Alice-Pw-1").ok();
        Cli.run(env, "vm", "add", "name=desk", "user=alice", "osf=desktop").ok();
        Cli.run(env, "vm", "start", "name=desk").ok();

        List<String> rest = trail(api, viaRest);
        assertThat(rest).containsExactly("user.create user alice ok", "vm.create vm desk ok", "vm.start vm desk ok");
        assertThat(trail(api, viaSoap)).isEqualTo(rest);
        assertThat(trail(api, viaCli)).isEqualTo(rest);
    }

    /** An OSF named desktop with a default DI, created outside the compared trail. */
    private static long desktop(Fixtures.TenantAdmin admin) {
        long osf = admin.api().post("/osfs", Map.of("name", "desktop")).id();
        Fixtures.di(admin.api(), osf);
        return osf;
    }

    /** The tenant's user and VM audit entries, oldest first, without ids, times or tenant names. */
    private static List<String> trail(Api api, Fixtures.TenantAdmin admin) {
        JsonNode items = api.get("/audit?tenantId=" + admin.tenant().id() + "&sort=id&size=100")
                .body()
                .get("items");
        List<String> out = new ArrayList<>();
        for (JsonNode e : items) {
            String type = e.get("objectType").asText();
            if (!type.equals("user") && !type.equals("vm")) {
                continue;
            }
            assertThat(e.get("adminName").asText()).isEqualTo(admin.login());
            assertThat(e.get("sourceAddress").asText()).isNotBlank();
            String name =
                    e.get("objectName").asText().replace("@" + admin.tenant().name(), "");
            out.add(e.get("action").asText() + " " + type + " " + name + " "
                    + e.get("result").asText());
        }
        return out;
    }
}
