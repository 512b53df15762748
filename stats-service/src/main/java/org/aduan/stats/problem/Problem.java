package org.aduan.stats.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every REST error.
 *
 * @param type   stable URI per kind of error, e.g. {@code https://aduan.org/problems/invalid-request}
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

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(URI.create("https://aduan.org/problems/" + kind), title, status, detail, List.of());
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
