package org.aduan.intake.problem;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Every error leaves as application/problem+json, never as an HTML page or an empty body. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String OVERLOAD_RETRY_AFTER_SECONDS = "5";

    /** Whether {@code e} comes from waiting in vain for a pooled database connection (Agroal's timeout). */
    static boolean overloaded(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null
                    && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.fromResponse(e.problem().toResponse());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String kind = switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "http-" + status.getStatusCode();
        };
        return Problem.of(kind, status.getReasonPhrase(), status, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (overloaded(e)) {
            // Every database connection stayed busy for the whole wait: a peak, not a defect. Nothing was
            // stored; the client is told to come back shortly instead of being shown an internal error.
            LOG.warnf("overloaded, answered 503: %s", e.getMessage());
            return Response.fromResponse(Problem.of("overloaded", "Service busy", Response.Status.SERVICE_UNAVAILABLE,
                    "Aduan is receiving very many complaints right now and nothing was saved; please send it again "
                            + "in a few seconds. / Aduan sedang menerima sangat banyak aduan dan tidak ada yang "
                            + "tersimpan; silakan kirim ulang dalam beberapa detik.").toResponse())
                    .header("Retry-After", OVERLOAD_RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected error", e);
        return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was recorded. Please try again. / "
                        + "Terjadi kesalahan di sisi kami; tidak ada yang tercatat. Silakan coba lagi.")
                .toResponse();
    }
}
