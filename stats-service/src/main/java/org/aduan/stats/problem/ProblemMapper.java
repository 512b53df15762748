package org.aduan.stats.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a {@link ProblemException} as {@code application/problem+json}. */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    private final ObjectMapper json;

    ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Response toResponse(ProblemException exception) {
        Problem problem = exception.problem();
        try {
            // Serialised here so the body does not depend on a writer being registered for problem+json.
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem " + problem.type(), e);
        }
    }
}
