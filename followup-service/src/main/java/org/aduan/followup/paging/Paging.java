package org.aduan.followup.paging;

import java.util.ArrayList;
import java.util.List;

import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;

/**
 * Validated paging parameters; taken as strings so that "abc" is a 400 problem, not a 404.
 *
 * @param page zero-based page number
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static Paging parse(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer p = integer(page);
        Integer s = integer(size);
        if (p == null || p < 0) {
            errors.add(new Problem.FieldError("page", "must be a whole number, 0 or more"));
        }
        if (s == null || s < 1 || s > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be a whole number from 1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
