package org.aduan.followup.problem;

import java.util.List;

/** A request the service answers with a {@link Problem}; thrown by resources, mapped by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the request's parameters are invalid; each error names its field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.BASE + "invalid-request", "Invalid request", 400,
                "One or more request parameters are invalid.", errors));
    }

    /** 400 for a single invalid field. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /**
     * 404 for a complaint the caller may not see: unknown, or another agency's. Both answer the same, so
     * nothing about other agencies' complaints leaks.
     */
    public static ProblemException complaintNotFound() {
        return new ProblemException(new Problem(Problem.BASE + "complaint-not-found", "Complaint not found", 404,
                "No complaint with this id is assigned to your agency.", null));
    }
}
