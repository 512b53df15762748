package org.aduan.followup.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error, so clients branch on it.
 *
 * @param errors for validation errors: which field, and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String BASE = "https://aduan.org/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One invalid request field. */
    public record FieldError(String field, String message) {
    }
}
