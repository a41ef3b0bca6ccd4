package org.qvd.api.platform;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the errors once for every operation: each may answer these problem+json responses,
 * whose {@code code} field carries the stable error code (e.g. {@code vm.invalid_state}).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> ERRORS = Map.of(
            "400", "invalid input (codes validation.failed, page.invalid, sort.invalid, request.malformed, ...)",
            "401", "not authenticated (auth.unauthenticated)",
            "403", "missing ACL (acl.forbidden, acl.superadmin_only)",
            "404", "no such object, or one outside the caller's tenant (<object>.not_found)",
            "409", "conflict or invalid state (<object>.duplicate, <object>.in_use, <object>.invalid_state, ...)",
            "500", "internal error; errorId matches the server log (internal)");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> e : ERRORS.entrySet()) {
            if (!responses.hasAPIResponse(e.getKey())) {
                responses.addAPIResponse(e.getKey(), problem(e.getValue()));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema problem = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string()).addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string()).addProperty("instance", string())
                .addProperty("code", string().description("stable error code"))
                .addProperty("errorId", string().description("server errors only: the id in the server log"))
                .addProperty("violations", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .items(string()));
        openAPI.getComponents().addSchema("Problem", problem);
    }

    private static Schema string() {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING));
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
