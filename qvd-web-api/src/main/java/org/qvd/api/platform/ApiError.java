package org.qvd.api.platform;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of what only the REST/SOAP layer refuses.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum ApiError implements ErrorCode {
    AUTH_FORBIDDEN("auth.forbidden", "This administrator may not use this resource."),
    DI_PATH_REFUSED(
            "di.path_refused", "A disk image is not registered by a host path: upload it or import it from staging."),
    HTTP_METHOD_NOT_ALLOWED("http.method_not_allowed", "The resource does not take that HTTP method."),
    HTTP_NOT_ACCEPTABLE("http.not_acceptable", "The resource cannot answer in an accepted media type."),
    HTTP_NOT_FOUND("http.not_found", "No such resource or object."),
    HTTP_UNSUPPORTED_MEDIA_TYPE("http.unsupported_media_type", "The resource does not read that media type."),
    PARAMETER_INVALID("parameter.invalid", "A query parameter is not a valid value."),
    PROPERTY_OWNER_NOT_FOUND(
            "property_owner.not_found", "Properties belong to users, VMs, hosts, OS flavours or disk images only."),
    REQUEST_MALFORMED("request.malformed", "The request body or a parameter could not be read."),
    REQUEST_TOO_LARGE("request.too_large", "The request body is larger than the server accepts.");

    private final String code;
    private final String description;

    ApiError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
