package org.aduan.intake.channel;

import org.aduan.intake.problem.Problem;
import org.aduan.intake.problem.ProblemException;

import jakarta.ws.rs.core.Response;

/** The answers a webhook gives a caller it will not take a message from. Nothing is recorded then. */
public final class WebhookProblems {

    private WebhookProblems() {
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-payload", "Malformed payload", Response.Status.BAD_REQUEST,
                detail));
    }

    public static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(Problem.of("payload-too-large", "Payload too large",
                Response.Status.REQUEST_ENTITY_TOO_LARGE, "A webhook body may have at most " + maxBytes + " bytes."));
    }

    /** No signature or token at all: 401. */
    public static ProblemException unsigned(String what) {
        return new ProblemException(Problem.of("unauthenticated-webhook", "Unauthenticated webhook",
                Response.Status.UNAUTHORIZED, what + " is missing."));
    }

    /** A signature or token that does not match: 403. */
    public static ProblemException forged(String what) {
        return new ProblemException(Problem.of("invalid-webhook-signature", "Invalid webhook signature",
                Response.Status.FORBIDDEN, what + " does not match."));
    }

    /** Checks the size of a body already read (the HTTP layer caps what it reads at all). */
    public static byte[] limited(byte[] body, int maxBytes) {
        if (body != null && body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body == null ? new byte[0] : body;
    }
}
