package org.aduan.routing.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every REST error.
 *
 * @param type   stable URI per kind of error, e.g. {@code https://aduan.org/problems/not-found}
 * @param title  short summary of the kind of error
 * @param status the HTTP status
 * @param detail what went wrong in this case
 * @param errors per-field messages of a validation error, otherwise empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem notFound(String detail) {
        return of("not-found", "Not found", 404, detail);
    }

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(URI.create("https://aduan.org/problems/" + kind), title, status, detail, List.of());
    }

    /** A request with invalid fields: 400, each field named. */
    public static Problem invalid(List<FieldError> errors) {
        return new Problem(URI.create("https://aduan.org/problems/validation"), "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                errors);
    }

    /** A request that conflicts with the current state: 409. */
    public static Problem conflict(String detail) {
        return of("conflict", "Conflict", 409, detail);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
