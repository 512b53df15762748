package org.aduan.followup.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.aduan.followup.lifecycle.CaseActionRefused;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every error leaves as {@code application/problem+json}: the service's own problems as they are,
 * refused lifecycle actions in the caller's language, JAX-RS errors (unknown path, wrong method) by
 * their status, anything else as a 500 without internals. Authentication and authorisation failures
 * are {@link SecurityProblems}.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem;
        if (exception instanceof ProblemException known) {
            problem = known.problem();
        } else if (exception instanceof CaseActionRefused refused) {
            String language = Language.of(headers);
            problem = new Problem(Problem.BASE + refused.reason().problemKind,
                    Language.ENGLISH.equals(language) ? "Action not possible" : "Tindakan tidak dapat dilakukan",
                    refused.reason().httpStatus, refused.detail(language), null);
        } else if (exception instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            problem = new Problem(Problem.BASE + "http-" + status.getStatusCode(), status.getReasonPhrase(),
                    status.getStatusCode(), status.getReasonPhrase(), null);
        } else {
            LOG.error("unexpected error", exception);
            problem = new Problem(Problem.BASE + "internal-error", "Internal error", 500,
                    "The request could not be completed.", null);
        }
        return of(problem);
    }

    Response of(Problem problem) {
        return response(json, problem);
    }

    static Response response(ObjectMapper json, Problem problem) {
        try {
            // serialised here so the body never depends on which writer handles problem+json
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
