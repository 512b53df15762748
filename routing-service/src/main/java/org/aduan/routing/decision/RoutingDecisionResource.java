package org.aduan.routing.decision;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aduan.routing.problem.Problem;
import org.aduan.routing.problem.ProblemException;
import org.aduan.routing.staff.Staff;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Routing decisions: which agency must act on a complaint, by which rule, and why. A complaint that
 * could not be routed confidently shows outcome {@code TRIAGE} and no agency.
 *
 * <p>Staff only: the reasons quote the complaint (the words that named the place and the category), so
 * a decision is shown to operators and admins, and to an agency's officers and supervisors when their
 * agency is in the referral chain or is the door the citizen used; for anyone else it does not exist
 * (404, as for an unknown complaint). Citizens follow their complaint in followup-service with their
 * tracking code and PIN.
 */
@Tag(name = "Routing decisions")
@Path("/api/v1/routing/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Staff.OPERATOR, Staff.ADMIN, Staff.OFFICER, Staff.SUPERVISOR })
@SecurityRequirement(name = "keycloak")
@APIResponse(responseCode = "401", description = "No valid bearer token (missing, forged, expired)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token has no staff role",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class RoutingDecisionResource {

    private final Staff staff;

    RoutingDecisionResource(Staff staff) {
        this.staff = staff;
    }

    /**
     * The routing decision of one complaint and its referral chain.
     *
     * @param complaintId the complaint's id (a UUID)
     * @return the decision; {@code 404} as {@code application/problem+json} when the complaint has not
     *         been routed (yet), or when the caller's agency never had it
     */
    @GET
    @Path("/{complaintId}")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoutingDecisionView.class)))
    @APIResponse(responseCode = "404", description = "The complaint has not been routed (yet), or not to your agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RoutingDecisionView decision(@PathParam("complaintId") String complaintId) {
        boolean platform = staff.isPlatformStaff();
        Optional<String> agency = staff.agency();
        return QuarkusTransaction.requiringNew().call(() -> {
            RoutingDecision decision = RoutingDecision.findById(complaintId);
            if (decision == null) {
                throw notFound(complaintId);
            }
            RoutingDecisionView view = RoutingDecisionView.of(decision);
            if (!platform && !agency.map(a -> concerns(view, a)).orElse(false)) {
                throw notFound(complaintId); // the same answer as for an unknown complaint
            }
            return view;
        });
    }

    /** The agency had the complaint at some step, or is the door the citizen used. */
    private static boolean concerns(RoutingDecisionView view, String agency) {
        return view.entryAgency().filter(agency::equals).isPresent()
                || view.chain().stream().anyMatch(step -> step.agencyId().filter(agency::equals).isPresent());
    }

    private static ProblemException notFound(String complaintId) {
        return new ProblemException(Problem.notFound("no routing decision for complaint " + complaintId));
    }
}
