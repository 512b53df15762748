package org.aduan.routing.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.aduan.routing.decision.Decisions;
import org.aduan.routing.decision.Outcome;
import org.aduan.routing.decision.Referral;
import org.aduan.routing.decision.RoutingDecision;
import org.aduan.routing.decision.RoutingProposal;
import org.aduan.routing.directory.AgencyDirectory;
import org.aduan.routing.outbox.Outbox;
import org.aduan.routing.problem.Problem;
import org.aduan.routing.problem.Problem.FieldError;
import org.aduan.routing.problem.ProblemException;
import org.aduan.routing.staff.Staff;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' triage queue: complaints routing could not route confidently, with the reasons and
 * the agency the rules pointed at, and the operator's decision. Operators and admins only (Keycloak
 * bearer token with the realm role): the reasons quote the complaints.
 */
@Tag(name = "Triage")
@Path("/api/v1/routing/triage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Staff.OPERATOR, Staff.ADMIN })
@SecurityRequirement(name = "keycloak")
@APIResponse(responseCode = "401", description = "No valid bearer token (missing, forged, expired)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token has neither the operator nor the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class TriageResource {

    private final Decisions decisions;
    private final AgencyDirectory directory;
    private final Outbox outbox;
    private final Staff staff;

    TriageResource(Decisions decisions, AgencyDirectory directory, Outbox outbox, Staff staff) {
        this.decisions = decisions;
        this.directory = directory;
        this.outbox = outbox;
        this.staff = staff;
    }

    /** A complaint waiting for an operator. */
    public record TriageItem(String complaintId, Instant since, String ruleId, List<String> reasons, String category,
            String regionCode, String wouldRouteTo, int transferCount) {
    }

    public record TriagePage(List<TriageItem> items, long total, int page, int size) {
    }

    /**
     * The operator's choice.
     *
     * @param agencyId the agency that must act
     * @param note     why (kept in the referral chain and shown to the agency)
     */
    public record Assignment(String agencyId, String note) {
    }

    /** Waiting complaints, oldest first. */
    @GET
    public TriagePage queue(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new ProblemException(Problem.invalid(List.of(new FieldError("size", "page ≥ 0, size 1..500"))));
        }
        var query = RoutingDecision.<RoutingDecision>find("outcome", Sort.by("decidedAt"), Outcome.TRIAGE);
        List<TriageItem> items = query.page(Page.of(page, size)).list().stream()
                .map(d -> new TriageItem(d.complaintId, d.decidedAt, d.ruleId, d.reasonList(), d.category,
                        d.regionCode, d.wouldRouteTo, d.transferCount))
                .toList();
        return new TriagePage(items, query.count(), page, size);
    }

    /** Routes a waiting complaint to the agency the operator chose; the referral chain records who chose. */
    @POST
    @Path("/{complaintId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public org.aduan.routing.decision.RoutingDecisionView assign(@PathParam("complaintId") String complaintId,
            Assignment assignment) {
        List<FieldError> errors = new ArrayList<>();
        if (assignment == null || assignment.agencyId() == null || assignment.agencyId().isBlank()) {
            errors.add(new FieldError("agencyId", "required"));
        } else if (directory.active(assignment.agencyId()).isEmpty()) {
            errors.add(new FieldError("agencyId", "no active agency " + assignment.agencyId()));
        }
        if (assignment != null && assignment.note() != null && assignment.note().length() > 2000) {
            errors.add(new FieldError("note", "at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        String operator = staff.username();
        var view = QuarkusTransaction.requiringNew().call(() -> {
            RoutingDecision decision = RoutingDecision.forUpdate(complaintId);
            if (decision == null) {
                throw new ProblemException(Problem.notFound("no routing decision for complaint " + complaintId));
            }
            if (decision.outcome != Outcome.TRIAGE) {
                throw new ProblemException(Problem.conflict("complaint " + complaintId + " is not waiting in triage;"
                        + " it is with " + decision.agencyId));
            }
            List<String> reasons = new ArrayList<>();
            reasons.add("an operator chose " + assignment.agencyId()
                    + Optional.ofNullable(assignment.note()).filter(n -> !n.isBlank()).map(n -> ": " + n).orElse(""));
            RoutingProposal proposal = new RoutingProposal(Outcome.ROUTED, Optional.of(assignment.agencyId()),
                    "operator", reasons, 1.0, decision.category, Optional.ofNullable(decision.regionCode), List.of(),
                    Optional.empty());
            Optional<String> previous = Referral.chain(complaintId).stream().filter(r -> r.agencyId != null)
                    .reduce((a, b) -> b).map(r -> r.agencyId);
            decisions.record(decision, proposal, Instant.now(), Optional.ofNullable(decision.entryAgency), previous,
                    decision.transferCount, "operator:" + operator);
            return org.aduan.routing.decision.RoutingDecisionView.of(decision);
        });
        outbox.wake();
        return view;
    }
}
