package org.qvd.api.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The problem+json responses of one operation, from what the server does with it: every call may be
 * unauthenticated (401), throttled (429) or fail (500); a path parameter names something that may not exist
 * (404); a body, a query or a name in the path may be invalid (400) and a body too large (413); an operation
 * behind an ACL may be forbidden (403); a change may conflict with the current state (409).
 */
final class DocumentedErrors {

    /** Operations the VMAS answers for every active administrator (no ACL check). */
    private static final Set<String> WITHOUT_ACL =
            Set.of("AuthResource_token", "AdministratorResource_me", "CounterResource_get", "StatisticsResource_get");
    /** Changes that cannot conflict: a token is issued whatever the state. */
    private static final Set<String> WITHOUT_CONFLICT = Set.of("AuthResource_token");

    private DocumentedErrors() {}

    static void add(String path, HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean fixedRefusal = responses.hasAPIResponse("400")
                && responses.getAPIResponses().keySet().stream().noneMatch(status -> status.startsWith("2"));
        for (Map.Entry<String, String> e :
                errors(method, operation, fixedRefusal).entrySet()) {
            if (!responses.hasAPIResponse(e.getKey())) {
                responses.addAPIResponse(e.getKey(), problem(e.getValue()));
            }
        }
    }

    private static Map<String, String> errors(HttpMethod method, Operation operation, boolean fixedRefusal) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean change = method != HttpMethod.GET;
        String id = operation.getOperationId();
        Map<String, String> errors = new LinkedHashMap<>();
        if (body || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY || named(p))) {
            errors.put(
                    "400",
                    "invalid input: validation.failed (with violations), request.malformed, "
                            + "parameter.invalid, page.invalid, sort.invalid, ...");
        }
        errors.put("401", "not authenticated (auth.unauthenticated); WWW-Authenticate: Basic realm=\"QVD\"");
        if (!fixedRefusal && !WITHOUT_ACL.contains(id)) {
            errors.put("403", "the administrator lacks the ACL (acl.forbidden, acl.superadmin_only)");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            errors.put("404", "no such object, or one of another tenant (<object>.not_found, http.not_found)");
        }
        if (change && !fixedRefusal && !WITHOUT_CONFLICT.contains(id)) {
            errors.put(
                    "409",
                    "conflicts with the current state (<object>.duplicate, <object>.in_use, "
                            + "<object>.invalid_state, ...)");
        }
        if (body) {
            errors.put("413", "the body is larger than qvd.api.max-body-size (request.too_large)");
        }
        errors.put("429", "too many failed logins from this address or on this login (auth.throttled); Retry-After");
        errors.put("500", "server error (internal); errorId is also in the server log");
        return errors;
    }

    /** A path parameter that is a name (an ACL, a tag, a key), not an id: its text is validated. */
    private static boolean named(Parameter p) {
        return p.getIn() == Parameter.In.PATH
                && !p.getName().endsWith("id")
                && !p.getName().endsWith("Id")
                && !"objectType".equals(p.getName());
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with QVD's stable error code")
                .addProperty("type", string("urn:qvd:error:<code>"))
                .addProperty("title", string("the HTTP status in words"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("the HTTP status"))
                .addProperty("detail", string("what went wrong, for a person"))
                .addProperty("instance", string("the request path"))
                .addProperty("code", string("stable error code, e.g. vm.invalid_state"))
                .addProperty("errorId", string("server errors only: the id in the server log"))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(string("one invalid field"))
                                .description("validation.failed only"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
