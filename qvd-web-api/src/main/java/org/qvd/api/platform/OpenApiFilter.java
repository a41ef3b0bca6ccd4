package org.qvd.api.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.UserState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.state.XState;

/**
 * Completes the generated OpenAPI document with what annotations cannot say: the error responses each
 * operation really gives ({@link DocumentedErrors}), the state enums from the one state vocabulary
 * ({@code org.qvd.protocol.state}) and the {@code Location} header of creates.
 */
public class OpenApiFilter implements OASFilter {

    private static final List<String> VM_STATES = names(VmState.values(), VmState::wireName);
    private static final List<String> HOST_STATES = names(HostState.values(), HostState::wireName);
    private static final List<String> KINDS = names(DesktopKind.values(), DesktopKind::wireName);

    /** Schema property → the states it holds (wire names). */
    private static final Map<String, List<String>> STATES = Map.of(
            "Vm.state", VM_STATES,
            "Vm.userState", names(UserState.values(), UserState::wireName),
            "Vm.xState", names(XState.values(), XState::wireName),
            "Host.state", HOST_STATES,
            "VmStateChange.fromState", VM_STATES,
            "VmStateChange.toState", VM_STATES,
            "HostLoad.state", HOST_STATES,
            "Vm.kind", KINDS,
            "Osf.kind", KINDS);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", DocumentedErrors.problemSchema());
        openAPI.getComponents()
                .addHeader(
                        "Location",
                        OASFactory.createHeader()
                                .description("the URL of the created object (GET it for its current state)")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .format("uri")));
        STATES.forEach((property, states) -> enumerate(openAPI, property, states));
        Schema hostKinds = property(openAPI, "Host", "kinds");
        if (hostKinds != null && hostKinds.getItems() != null) {
            hostKinds.getItems().setEnumeration(List.copyOf(KINDS));
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach(OpenApiFilter::completeOperations);
        }
    }

    private static void completeOperations(String path, PathItem item) {
        item.getOperations().forEach((method, operation) -> {
            DocumentedErrors.add(path, method, operation);
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> enumerateStateFilter(path, p));
            }
        });
    }

    /** {@code ?state=} of the VM and host lists takes the states of their objects. */
    private static void enumerateStateFilter(String path, Parameter parameter) {
        if (!"state".equals(parameter.getName()) || parameter.getIn() != Parameter.In.QUERY) {
            return;
        }
        List<String> states = path.endsWith("/vms") ? VM_STATES : path.endsWith("/hosts") ? HOST_STATES : null;
        if (states != null) {
            parameter.setSchema(
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.copyOf(states)));
        }
    }

    private static void enumerate(OpenAPI openAPI, String property, List<String> states) {
        String[] parts = property.split("\\.");
        Schema field = property(openAPI, parts[0], parts[1]);
        if (field != null) {
            field.setEnumeration(List.copyOf(states));
        }
    }

    private static Schema property(OpenAPI openAPI, String schemaName, String property) {
        Schema schema = openAPI.getComponents().getSchemas() == null
                ? null
                : openAPI.getComponents().getSchemas().get(schemaName);
        return schema == null || schema.getProperties() == null
                ? null
                : schema.getProperties().get(property);
    }

    private static <E> List<String> names(E[] values, Function<E, String> wireName) {
        return Arrays.stream(values).map(wireName).toList();
    }
}
