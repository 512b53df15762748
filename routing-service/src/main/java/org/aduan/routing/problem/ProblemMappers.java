package org.aduan.routing.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every error leaves as application/problem+json: malformed JSON, unknown paths, unexpected failures. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        if (status.getStatusCode() == 401 || status.getStatusCode() == 403) {
            return e.getResponse();
        }
        String kind = switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case BAD_REQUEST -> "malformed-request";
            default -> "http-" + status.getStatusCode();
        };
        String detail = status == Response.Status.BAD_REQUEST
                ? "The request body is not valid JSON of the expected shape." : e.getMessage();
        return write(Problem.of(kind, status.getReasonPhrase(), status.getStatusCode(), detail));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return write(p.problem());
        }
        LOG.error("unexpected error", e);
        return write(Problem.of("internal-error", "Internal error", 500,
                "Something went wrong on our side; nothing was changed. Please try again."));
    }

    private Response write(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem))
                    .build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
