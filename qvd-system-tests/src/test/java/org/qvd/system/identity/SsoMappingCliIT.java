package org.qvd.system.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Cli;
import org.qvd.system.platform.RunningSystem;

/**
 * Issue 19: {@code qvd-admin sso add|list|del} against the real system. The REST API shows what the CLI added; a role
 * of another tenant and the same mapping twice are refused with their codes, and nothing is stored for them.
 */
@ExtendWith(RunningSystem.class)
class SsoMappingCliIT {

    @Test
    void theCliMapsAGroupToARoleRefusesAnotherTenantsRoleAndDuplicatesAndDeletes(QvdSystem system) {
        Api api = Api.superadmin(system);
        String tenant = Api.unique("ssocli");
        long tenantId = api.post("/tenants", Map.of("name", tenant)).id();
        String other = Api.unique("ssoother");
        long otherId = api.post("/tenants", Map.of("name", other)).id();
        String foreignRole = Api.unique("Foreign");
        long foreignRoleId = api.post("/roles", Map.of("tenantId", otherId, "name", foreignRole))
                .id();
        String group = Api.unique("VDI Operators");
        Map<String, String> su = Cli.env(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);

        JsonNode added = Cli.run(su, "--json", "sso", "add", "tenant=" + tenant, "value=" + group, "role=Operator")
                .ok()
                .json()
                .get(0);
        assertThat(added.get("claim").asText()).as("the default claim").isEqualTo("groups");
        assertThat(added.get("value").asText()).isEqualTo(group);
        assertThat(added.get("roleName").asText()).isEqualTo("Operator");
        String id = added.get("id").asText();
        assertThat(api.get("/sso-mappings?tenantId=" + tenantId).body().toString())
                .as("REST shows the CLI's mapping")
                .contains(group, "Operator");
        assertThat(Cli.run(su, "--json", "sso", "list", "tenant=" + tenant).ok().out())
                .contains(group);

        Cli.Run duplicate = Cli.run(su, "sso", "add", "tenant=" + tenant, "value=" + group, "role=Operator");
        assertThat(duplicate.exit()).isNotZero();
        assertThat(duplicate.err()).contains("sso.duplicate_mapping");
        Cli.Run foreign = Cli.run(su, "sso", "add", "tenant=" + tenant, "value=x", "role=" + foreignRoleId);
        assertThat(foreign.exit()).isNotZero();
        assertThat(foreign.err()).contains("sso.invalid_mapping");
        Cli.Run unknownField = Cli.run(su, "sso", "add", "tenant=" + tenant, "value=x", "role=Operator", "rol=x");
        assertThat(unknownField.exit()).as("a mistyped field").isNotZero();
        assertThat(unknownField.err()).contains("unknown field 'rol'");
        assertThat(api.get("/sso-mappings?tenantId=" + tenantId).body().size())
                .as("only the first mapping stored")
                .isEqualTo(1);

        Cli.run(su, "sso", "del", id).ok();
        assertThat(api.get("/sso-mappings?tenantId=" + tenantId).body().toString())
                .doesNotContain(group);
    }
}
