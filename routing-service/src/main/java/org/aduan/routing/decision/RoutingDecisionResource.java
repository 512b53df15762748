package org.aduan.routing.decision;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aduan.routing.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.aduan.routing.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Routing decisions: which agency must act on a complaint, by which rule, and why. A complaint that
 * could not be routed confidently shows outcome {@code TRIAGE} and no agency.
 */
@Tag(name = "Routing decisions")
@Path("/api/v1/routing/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingDecisionResource {

    /**
     * The routing decision of one complaint.
     *
     * @param complaintId the complaint's id (a UUID)
     * @return the decision; {@code 404} as {@code application/problem+json} when the complaint has not
     *         been routed (yet)
     */
    @GET
    @Path("/{complaintId}")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoutingDecisionView.class)))
    @APIResponse(responseCode = "404", description = "The complaint has not been routed (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RoutingDecisionView decision(@PathParam("complaintId") String complaintId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RoutingDecision decision = RoutingDecision.findById(complaintId);
            if (decision == null) {
                throw new ProblemException(Problem.notFound("no routing decision for complaint " + complaintId));
            }
            return RoutingDecisionView.of(decision);
        });
    }
}
