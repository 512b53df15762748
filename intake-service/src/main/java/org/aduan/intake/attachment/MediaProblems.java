package org.aduan.intake.attachment;

import org.aduan.intake.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/** A provider's media server that does not answer: 503, so that the provider delivers the message again. */
public class MediaProblems {

    private static final Logger LOG = Logger.getLogger(MediaProblems.class);

    @ServerExceptionMapper
    Response unavailable(MediaUnavailableException e) {
        LOG.warnf("media download failed, the provider will retry: %s", e.getMessage());
        return Response.fromResponse(Problem.of("media-unavailable", "Media unavailable",
                Response.Status.SERVICE_UNAVAILABLE,
                "A photo of this message cannot be downloaded from the provider right now; nothing was recorded.")
                .toResponse()).header("Retry-After", "60").build();
    }
}
