package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@ExtendWith(RunningSystem.class)
class SoapIT {

    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    static String wsdl(QvdSystem system) {
        return Api.root(system) + "/api/soap/provisioning?wsdl";
    }

    @Test
    void publishesAWsdlWithTheProvisioningOperationsOverHttps(QvdSystem system) throws Exception {
        Soap soap = new Soap(wsdl(system), "superadmin@*", org.qvd.system.platform.RunningSystem.SUPERADMIN_PASSWORD);
        assertThat(soap.namespace).isEqualTo("urn:qvd:provisioning:1");
        assertThat(soap.operations())
                .containsExactlyInAnyOrder(
                        "createUser",
                        "deleteUser",
                        "listUsers",
                        "createVm",
                        "deleteVm",
                        "startVm",
                        "stopVm",
                        "listVms");
        assertThat(soap.address).isEqualTo(Api.root(system) + "/api/soap/provisioning");
        assertThat(soap.wsdl.getElementsByTagNameNS(Soap.WSDL_NS, "fault").getLength())
                .isPositive();
        NodeList elements = soap.wsdl.getElementsByTagNameNS(XSD, "element");
        boolean lastFailure = false;
        for (int i = 0; i < elements.getLength(); i++) {
            lastFailure |= "lastFailure".equals(((org.w3c.dom.Element) elements.item(i)).getAttribute("name"));
        }
        assertThat(lastFailure)
                .as("a Vm says why its last start failed, as over REST")
                .isTrue();
    }

    @Test
    void marksMandatoryParametersRequiredInTheSchema(QvdSystem system) throws Exception {
        Soap soap = new Soap(wsdl(system), "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
        assertThat(minOccurs(soap, "createUser", "login")).isEqualTo(1);
        assertThat(minOccurs(soap, "createUser", "password")).isEqualTo(1);
        assertThat(minOccurs(soap, "createUser", "tenantId"))
                .as("the caller's tenant by default")
                .isZero();
        assertThat(minOccurs(soap, "createVm", "userId")).isEqualTo(1);
        assertThat(minOccurs(soap, "createVm", "osfId")).isEqualTo(1);
        assertThat(minOccurs(soap, "createVm", "name")).isEqualTo(1);
        assertThat(minOccurs(soap, "createVm", "diTag"))
                .as("the tag default by default")
                .isZero();
    }

    /** minOccurs of a parameter in the request wrapper type of {@code operation}. */
    private static int minOccurs(Soap soap, String operation, String parameter) {
        NodeList types = soap.wsdl.getElementsByTagNameNS(XSD, "complexType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (!type.getAttribute("name").equals(operation)) {
                continue;
            }
            NodeList elements = type.getElementsByTagNameNS(XSD, "element");
            for (int j = 0; j < elements.getLength(); j++) {
                Element e = (Element) elements.item(j);
                if (e.getAttribute("name").equals(parameter)) {
                    return e.hasAttribute("minOccurs") ? Integer.parseInt(e.getAttribute("minOccurs")) : 1;
                }
            }
        }
        throw new AssertionError("no parameter " + parameter + " of " + operation + " in the WSDL");
    }

    @Test
    void provisionsAUserWithAVmStartsStopsAndRemovesThem(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        long osf = Fixtures.osf(admin.api(), null);
        Fixtures.di(admin.api(), osf);
        Fixtures.runningHost(system, api);
        Soap soap = new Soap(wsdl(system), admin.login(), Fixtures.PASSWORD);

        Map<String, String> user = soap.call("createUser", "login", "carol", "password", "Carol-Pw-1")
                .item("user");
        assertThat(user.get("tenantName")).isEqualTo(admin.tenant().name());
        Map<String, String> vm = soap.call("createVm", "userId", user.get("id"), "osfId", osf, "name", "desk")
                .item("vm");
        assertThat(vm.get("state")).isEqualTo("stopped");
        assertThat(soap.call("listVms", "userId", user.get("id")).items("vm")).hasSize(1);
        assertThat(soap.call("listUsers", "login", "carol").items("user")).hasSize(1);
        assertThat(soap.call("startVm", "vmId", vm.get("id")).item("vm").get("state"))
                .isEqualTo("starting");
        assertThat(soap.call("stopVm", "vmId", vm.get("id")).fault()).isNull();

        assertThat(api.get("/vms/" + vm.get("id")).body().get("name").asText())
                .as("visible over REST")
                .isEqualTo("desk");
        Soap.Result refused = soap.call("deleteUser", "userId", user.get("id"));
        assertThat(refused.fault()).containsEntry("code", "user.in_use").containsEntry("status", "409");
    }

    @Test
    void answersRefusalsWithFaultsCarryingTheStableCode(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Soap soap = new Soap(wsdl(system), admin.login(), Fixtures.PASSWORD);
        soap.call("createUser", "login", "dave", "password", "Dave-Pw-123");
        assertThat(soap.call("createUser", "login", "dave", "password", "Dave-Pw-456")
                        .fault())
                .containsEntry("code", "user.duplicate");
        assertThat(soap.call("createUser", "login", "bad login", "password", "x")
                        .fault())
                .containsEntry("code", "validation.failed")
                .containsEntry("status", "400");
        assertThat(soap.call("createVm", "name", "no-owner").fault())
                .as("required in the schema, checked by the VMAS")
                .containsEntry("code", "validation.failed");
        assertThat(soap.call("startVm", "vmId", 987654321).fault()).containsEntry("code", "vm.not_found");
        long otherTenant = Fixtures.tenant(api).id();
        long foreign = Fixtures.vm(api, Fixtures.user(api, otherTenant), Fixtures.osf(api, otherTenant));
        assertThat(soap.call("deleteVm", "vmId", foreign).fault()).containsEntry("code", "vm.not_found");
        Soap reader = new Soap(
                wsdl(system), Fixtures.tenantAdmin(system, api, "Reader").login(), Fixtures.PASSWORD);
        assertThat(reader.call("createUser", "login", "erin", "password", "x").fault())
                .containsEntry("code", "acl.forbidden");
    }
}
