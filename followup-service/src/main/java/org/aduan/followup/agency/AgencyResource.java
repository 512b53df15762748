package org.aduan.followup.agency;

import static org.aduan.followup.agency.AgencyUser.OFFICER;
import static org.aduan.followup.agency.AgencyUser.OPERATOR;
import static org.aduan.followup.agency.AgencyUser.SUPERVISOR;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aduan.followup.agency.AgencyViews.CaseDetail;
import org.aduan.followup.agency.AgencyViews.EscalatedCase;
import org.aduan.followup.agency.AgencyViews.InboxPage;
import org.aduan.followup.agency.AgencyViews.TriageItem;
import org.aduan.followup.lifecycle.ActionDetails;
import org.aduan.followup.lifecycle.CaseAction;
import org.aduan.followup.lifecycle.CaseDocument;
import org.aduan.followup.lifecycle.CaseLifecycle;
import org.aduan.followup.lifecycle.CaseStatus;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.outbox.OutboxRelay;
import org.aduan.followup.paging.Paging;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The agency API: what officers and their agencies' own systems use to work complaints. Every call
 * needs a bearer token from Aduan's Keycloak realm; the token's {@code agency} claim decides which
 * complaints exist for the caller. A complaint of another agency answers 404, exactly like one that
 * does not exist.
 */
@Path("/api/v1/agency")
@Tag(name = "Agency API", description = "Officers and agency systems (OIDC bearer token, agency claim)")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token (missing, forged, expired or for another audience)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role (or the agency claim) this needs",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class AgencyResource {

    @Inject
    AgencyUser user;

    @Inject
    AgencyCases cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    OutboxRelay relay;

    @GET
    @Path("/complaints")
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "The agency's inbox",
            description = "The complaints assigned to the caller's agency, newest first, with their SLA deadline. "
                    + "Reporter identity never appears in lists.")
    @APIResponse(responseCode = "200", description = "One page of the inbox")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public InboxPage inbox(
            @Parameter(description = "Statuses to include, repeated or comma-separated, e.g. ROUTED,IN_PROGRESS")
            @QueryParam("status") List<String> status,
            @Parameter(description = "Category code, e.g. infrastruktur") @QueryParam("category") String category,
            @Parameter(description = "true: only complaints past their deadline; false: only those within it")
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Submitted on or after this day (Jakarta), e.g. 2026-03-02") @QueryParam("from") String from,
            @Parameter(description = "Submitted on or before this day (Jakarta)") @QueryParam("to") String to,
            @Parameter(description = "Zero-based page") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("size") @DefaultValue("20") String size) {
        AgencyCases.InboxFilter filter = AgencyCases.InboxFilter.parse(status, category, overdue, from, to);
        Paging paging = Paging.parse(page, size);
        String agency = user.agencyId();
        return QuarkusTransaction.requiringNew().call(() -> cases.inbox(agency, filter, paging));
    }

    @GET
    @Path("/complaints/{id}")
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "One complaint with its full history",
            description = "Everything the agency may see: text, status, deadline, escalations, documents, the whole "
                    + "audit trail (internal notes included), and the reporter's contact details unless anonymous.")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail detail(@PathParam("id") String id) {
        String agency = user.agencyId();
        return QuarkusTransaction.requiringNew().call(() -> cases.detail(cases.ofAgency(id, agency)));
    }

    @POST
    @Path("/complaints/{id}/acknowledge")
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "Acknowledge: the agency starts following the complaint up",
            description = "ROUTED or REOPENED → IN_PROGRESS. The caller becomes the assigned officer unless one is set. "
                    + "The follow-up deadline keeps running from the assignment.")
    @APIResponse(responseCode = "200", description = "The complaint, now IN_PROGRESS")
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not possible in the complaint's status", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail acknowledge(@PathParam("id") String id) {
        return act(id, (c, u) -> lifecycle.take(c, CaseAction.ACKNOWLEDGE, u.actor(), ActionDetails.none()));
    }

    @POST
    @Path("/complaints/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "Assign the complaint to an officer of the agency")
    @APIResponse(responseCode = "200", description = "The complaint with its new officer")
    @APIResponse(responseCode = "400", description = "No valid officer username", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not possible in the complaint's status", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail assign(@PathParam("id") String id, AgencyRequests.Assign body) {
        String officer = require(body, "officer").validOfficer();
        return act(id, (c, u) -> lifecycle.take(c, CaseAction.ASSIGN, u.actor(), ActionDetails.none().withOfficer(officer)));
    }

    @POST
    @Path("/complaints/{id}/respond")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "Answer the citizen publicly",
            description = "IN_PROGRESS or REOPENED → RESPONDED; for an APPEALED complaint only a supervisor answers. "
                    + "The answer is public (the citizen sees it, and the public feed unless the complaint is confidential). "
                    + "The citizen then has 10 working days to rate, confirm, reopen or appeal; silence closes the complaint.")
    @APIResponse(responseCode = "200", description = "The complaint, now RESPONDED")
    @APIResponse(responseCode = "400", description = "No answer text", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not possible in the complaint's status", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail respond(@PathParam("id") String id, AgencyRequests.Respond body) {
        String answer = require(body, "answer").validAnswer();
        return act(id, (c, u) -> lifecycle.take(c,
                c.status == CaseStatus.APPEALED ? CaseAction.ANSWER_APPEAL : CaseAction.RESPOND, u.actor(),
                ActionDetails.body(answer)));
    }

    @POST
    @Path("/complaints/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "Add an internal note", description = "Seen only by the agency; the status does not change.")
    @APIResponse(responseCode = "200", description = "The complaint with the note in its history")
    @APIResponse(responseCode = "400", description = "No note text", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail note(@PathParam("id") String id, AgencyRequests.Note body) {
        String text = require(body, "text").validText();
        return act(id, (c, u) -> lifecycle.take(c, CaseAction.NOTE, u.actor(), ActionDetails.body(text)));
    }

    @POST
    @Path("/complaints/{id}/transfer-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "\"Bukan wewenang\": this complaint is not the agency's",
            description = "ROUTED or IN_PROGRESS → TRANSFER_REQUESTED, with a reason and optionally the agency that "
                    + "should act. routing-service re-routes it (never back to an agency that declined); after three "
                    + "transfers an operator decides. The complaint stays visible here until it is re-routed.")
    @APIResponse(responseCode = "200", description = "The complaint, now TRANSFER_REQUESTED")
    @APIResponse(responseCode = "400", description = "No reason, or an invalid agency id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not possible in the complaint's status", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail requestTransfer(@PathParam("id") String id, AgencyRequests.TransferRequest body) {
        AgencyRequests.TransferRequest request = require(body, "reason");
        String reason = request.validReason();
        Optional<String> suggested = request.validSuggestion();
        return act(id, (c, u) -> lifecycle.take(c, CaseAction.REQUEST_TRANSFER, u.actor(),
                ActionDetails.reason(reason).withSuggestedAgency(suggested)));
    }

    @POST
    @Path("/complaints/{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "Attach a resolution document reference",
            description = "The document stays in the agency's storage; Aduan keeps its name and reference, which the "
                    + "citizen sees.")
    @APIResponse(responseCode = "200", description = "The complaint with the document")
    @APIResponse(responseCode = "400", description = "Invalid name, reference or media type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not possible in the complaint's status", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail attachDocument(@PathParam("id") String id, AgencyRequests.DocumentReference body) {
        AgencyRequests.DocumentReference document = require(body, "reference");
        document.validate();
        return act(id, (c, u) -> {
            lifecycle.take(c, CaseAction.ATTACH_DOCUMENT, u.actor(), ActionDetails.body(document.name().strip()));
            CaseDocument row = new CaseDocument();
            row.complaintId = c.complaintId;
            row.name = document.name().strip();
            row.reference = document.reference().strip();
            row.mediaType = document.mediaType() == null || document.mediaType().isBlank() ? null
                    : document.mediaType().strip();
            row.uploadedBy = u.username();
            row.agencyId = c.agencyId;
            row.uploadedAt = c.updatedAt;
            row.persist();
            return c;
        });
    }

    @POST
    @Path("/complaints/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ OFFICER, SUPERVISOR })
    @Operation(summary = "Reject the complaint (supervisors)",
            description = "ROUTED or IN_PROGRESS → REJECTED, with a reason the citizen reads: spam, abuse, a duplicate. "
                    + "A complaint that is merely another agency's is transferred instead.")
    @APIResponse(responseCode = "200", description = "The complaint, now REJECTED")
    @APIResponse(responseCode = "404", description = "No such complaint in the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not possible in the complaint's status", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseDetail reject(@PathParam("id") String id, AgencyRequests.Reject body) {
        String reason = require(body, "reason").validReason();
        return act(id, (c, u) -> lifecycle.take(c, CaseAction.REJECT, u.actor(), ActionDetails.reason(reason)));
    }

    @GET
    @Path("/appeals")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "Appeals waiting for the supervisor",
            description = "The agency's complaints whose citizen rated the answer poorly and appealed, oldest first.")
    @APIResponse(responseCode = "200", description = "One page of appealed complaints")
    public InboxPage appeals(@QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        Paging paging = Paging.parse(page, size);
        String agency = user.agencyId();
        return QuarkusTransaction.requiringNew().call(() -> cases.appeals(agency, paging));
    }

    @GET
    @Path("/escalations")
    @RolesAllowed({ OFFICER, SUPERVISOR, OPERATOR })
    @Operation(summary = "Complaints escalated to the caller",
            description = "Deadlines missed by the agencies below the caller's agency (a city's to its province, a "
                    + "province's to the national coordinator), still unresolved. Operators see every escalation.")
    @APIResponse(responseCode = "200", description = "One page of escalated complaints, most recent first")
    public AgencyViews.Page<EscalatedCase> escalations(@QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        Paging paging = Paging.parse(page, size);
        Optional<String> agency = user.isOperator() ? Optional.empty() : Optional.of(user.agencyId());
        return QuarkusTransaction.requiringNew().call(() -> cases.escalations(agency, paging));
    }

    @GET
    @Path("/triage")
    @RolesAllowed(OPERATOR)
    @Operation(summary = "The operators' triage queue (read-only)",
            description = "Complaints no agency could be chosen for, or declined too often, longest waiting first. "
                    + "Operators resolve them in routing-service (POST /api/v1/routing/triage/{id}/assign).")
    @APIResponse(responseCode = "200", description = "One page of the queue")
    public AgencyViews.Page<TriageItem> triage(@QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        Paging paging = Paging.parse(page, size);
        return QuarkusTransaction.requiringNew().call(() -> cases.triage(paging));
    }

    /**
     * One action on one of the caller's agency's complaints: locked, loaded only if it is the agency's
     * (404 otherwise), changed, committed, then the outbox relay is woken.
     */
    private CaseDetail act(String id, BiFunction<ComplaintCase, AgencyUser, ComplaintCase> action) {
        String agency = user.agencyId();
        CaseDetail detail = QuarkusTransaction.requiringNew().call(() -> {
            lifecycle.lock(id);
            ComplaintCase c = cases.ofAgency(id, agency);
            return cases.detail(action.apply(c, user));
        });
        relay.wake();
        return detail;
    }

    private static <T> T require(T body, String field) {
        if (body == null) {
            throw ProblemException.invalid(field, "a JSON body is required");
        }
        return body;
    }
}
