package org.aduan.intake.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error, so clients can branch on it.
 *
 * @param errors for validation problems: which field is wrong and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://aduan.org/problems/";

    public static Problem of(String kind, String title, Response.Status status, String detail) {
        return new Problem(URI.create(BASE + kind), title, status.getStatusCode(), detail, List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** One invalid field of a request, named by its JSON path ({@code location.regionCode}). */
    public record FieldError(String field, String message) {
    }
}
