package io.keycloaksignup.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code code} is the stable machine-readable reason;
 * {@code errors} lists field-level reasons for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "code", "detail", "errors"})
public record Problem(String type, String title, int status, String code, String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private static final String TYPE_PREFIX = "urn:keycloak-signup:problem:";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, code, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + "validation_failed", "The request is not valid", 400,
                "validation_failed", "One or more fields are not valid; see errors.", errors);
    }
}
