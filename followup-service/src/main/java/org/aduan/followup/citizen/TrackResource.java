package org.aduan.followup.citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.lifecycle.ActionDetails;
import org.aduan.followup.lifecycle.Actor;
import org.aduan.followup.lifecycle.CaseAction;
import org.aduan.followup.lifecycle.CaseDocument;
import org.aduan.followup.lifecycle.CaseHistoryEntry;
import org.aduan.followup.lifecycle.CaseLifecycle;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.outbox.OutboxRelay;
import org.aduan.followup.problem.Language;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.sla.SlaTimer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

/**
 * Citizens follow and answer their complaint with the tracking code and the secret PIN they were
 * given (header {@code X-Aduan-Pin}); no account is needed. Texts come in Indonesian, or English with
 * {@code Accept-Language: en}.
 * <p>
 * An unknown tracking code, a wrong PIN and a missing PIN all answer the same 404 problem; too many
 * wrong PINs for a code or from an address answer 429 for a while (see {@link PinGuard}).
 */
@Path("/api/v1/track/{trackingCode}")
@Tag(name = "Citizen", description = "Tracking code + PIN, no account")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No complaint with this tracking code and PIN",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "429", description = "Too many wrong PINs for this code or from this address; see Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class TrackResource {

    public static final String PIN_HEADER = "X-Aduan-Pin";
    static final int MAX_TEXT = 5_000;

    @Inject
    PinGuard guard;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    ServiceClock clock;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @Context
    HttpServerRequest request;

    @GET
    @Operation(summary = "The complaint's status and full public history",
            description = "Status, the agency's answers, the citizen's own additions and ratings, documents, the "
                    + "running deadline, and which actions the citizen may take now.")
    @APIResponse(responseCode = "200", description = "The complaint")
    public TrackedComplaint track(
            @Parameter(description = "The tracking code, e.g. ADN-7KQ2-M9XD") @PathParam("trackingCode") String trackingCode,
            @Parameter(description = "The citizen's secret PIN") @HeaderParam(PIN_HEADER) String pin) {
        String language = Language.of(headers);
        String id = guard.verify(trackingCode, pin, clientAddress(), language);
        return QuarkusTransaction.requiringNew().call(() -> view(ComplaintCase.findById(id)));
    }

    @POST
    @Path("/information")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add information for the agency", description = "The status does not change.")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "409", description = "The complaint is finished", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TrackedComplaint addInformation(@PathParam("trackingCode") String trackingCode,
            @HeaderParam(PIN_HEADER) String pin, CitizenRequests.Information body) {
        String language = Language.of(headers);
        String text = text(language, "text", body == null ? null : body.text(), 5);
        return act(trackingCode, pin, language,
                c -> lifecycle.take(c, CaseAction.ADD_INFORMATION, Actor.CITIZEN, ActionDetails.body(text)));
    }

    @POST
    @Path("/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the agency's answer, 1 (poor) to 5 (good)",
            description = "RESPONDED → RATED. With a rating of 2 or less the citizen may then appeal to the agency's "
                    + "supervisor; otherwise confirm, or let the case close by itself after 10 working days.")
    @APIResponse(responseCode = "200", description = "The complaint, now RATED")
    @APIResponse(responseCode = "400", description = "No rating from 1 to 5", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "There is no answer to rate", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TrackedComplaint rate(@PathParam("trackingCode") String trackingCode, @HeaderParam(PIN_HEADER) String pin,
            CitizenRequests.Rating body) {
        String language = Language.of(headers);
        Integer rating = body == null ? null : body.rating();
        if (rating == null || rating < 1 || rating > 5) {
            throw CitizenTexts.invalid(language, "rating", "nilai dari 1 sampai 5", "a number from 1 to 5");
        }
        ActionDetails details = ActionDetails.none().withRating(rating);
        if (body.comment() != null && !body.comment().isBlank()) {
            details = details.withBody(text(language, "comment", body.comment(), 1));
        }
        ActionDetails rated = details;
        return act(trackingCode, pin, language, c -> lifecycle.take(c, CaseAction.RATE, Actor.CITIZEN, rated));
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Confirm the complaint is resolved", description = "RESPONDED or RATED → CLOSED.")
    @APIResponse(responseCode = "200", description = "The complaint, now CLOSED")
    @APIResponse(responseCode = "409", description = "There is no answer to confirm", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TrackedComplaint confirm(@PathParam("trackingCode") String trackingCode, @HeaderParam(PIN_HEADER) String pin) {
        String language = Language.of(headers);
        return act(trackingCode, pin, language,
                c -> lifecycle.take(c, CaseAction.CONFIRM, Actor.CITIZEN, ActionDetails.none()));
    }

    @POST
    @Path("/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen the complaint",
            description = "Within 10 working days of the agency's answer: RESPONDED, RATED or CLOSED → REOPENED, with "
                    + "a reason. The agency must follow up again within 5 working days.")
    @APIResponse(responseCode = "200", description = "The complaint, now REOPENED")
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not answered, or the 10 working days are over", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TrackedComplaint reopen(@PathParam("trackingCode") String trackingCode, @HeaderParam(PIN_HEADER) String pin,
            CitizenRequests.Reason body) {
        String language = Language.of(headers);
        String reason = text(language, "reason", body == null ? null : body.reason(), 5);
        return act(trackingCode, pin, language,
                c -> lifecycle.take(c, CaseAction.REOPEN, Actor.CITIZEN, ActionDetails.reason(reason)));
    }

    @POST
    @Path("/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal a poor answer to the agency's supervisor",
            description = "After rating the answer 2 or less: RATED → APPEALED, with a reason. The supervisor answers "
                    + "within 5 working days.")
    @APIResponse(responseCode = "200", description = "The complaint, now APPEALED")
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not rated 2 or less", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TrackedComplaint appeal(@PathParam("trackingCode") String trackingCode, @HeaderParam(PIN_HEADER) String pin,
            CitizenRequests.Reason body) {
        String language = Language.of(headers);
        String reason = text(language, "reason", body == null ? null : body.reason(), 5);
        return act(trackingCode, pin, language,
                c -> lifecycle.take(c, CaseAction.APPEAL, Actor.CITIZEN, ActionDetails.reason(reason)));
    }

    @ServerExceptionMapper
    Response tooManyAttempts(TooManyAttempts e) {
        long minutes = Math.max(1, e.retryAfter().toMinutes());
        Problem problem = CitizenTexts.tooManyAttempts(Language.of(headers), minutes);
        try {
            return Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", String.valueOf(e.retryAfter().toSeconds()))
                    .entity(json.writeValueAsString(problem)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private TrackedComplaint act(String trackingCode, String pin, String language,
            UnaryOperator<ComplaintCase> action) {
        String id = guard.verify(trackingCode, pin, clientAddress(), language);
        TrackedComplaint view = QuarkusTransaction.requiringNew().call(() -> {
            lifecycle.lock(id);
            ComplaintCase c = ComplaintCase.findById(id);
            return view(action.apply(c));
        });
        relay.wake();
        return view;
    }

    private TrackedComplaint view(ComplaintCase c) {
        String language = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) == null
                ? Language.normalise(c.language)
                : Language.of(headers);
        List<TrackedComplaint.Step> steps = CaseHistoryEntry.of(c.complaintId).stream()
                .filter(h -> h.visibility != CaseAction.Visibility.AGENCY)
                .map(h -> new TrackedComplaint.Step(h.status.name(), h.at, h.action.name(), h.action.label(language),
                        Optional.ofNullable(h.reason), Optional.ofNullable(h.body), Optional.ofNullable(h.rating)))
                .toList();
        List<TrackedComplaint.Document> documents = CaseDocument.of(c.complaintId).stream()
                .map(d -> new TrackedComplaint.Document(d.name, d.reference, Optional.ofNullable(d.mediaType),
                        d.uploadedAt))
                .toList();
        Optional<SlaTimer> timer = Optional.ofNullable(SlaTimer.findById(c.complaintId));
        return new TrackedComplaint(c.trackingCode, c.status.name(), c.status.label(language),
                Optional.ofNullable(c.agencyId), c.agencyName().map(n -> n.in(language)),
                Optional.ofNullable(c.category), c.submittedAt,
                timer.map(t -> t.dueAt), Optional.ofNullable(c.rating),
                lifecycle.reopenPossibleUntil(c).filter(until -> CaseAction.REOPEN.allowedIn(c.status)),
                possibleActions(c), steps,
                documents);
    }

    private List<String> possibleActions(ComplaintCase c) {
        List<String> actions = new ArrayList<>();
        Instant now = clock.now();
        if (CaseAction.ADD_INFORMATION.allowedIn(c.status)) {
            actions.add("INFORMATION");
        }
        if (CaseAction.RATE.allowedIn(c.status)) {
            actions.add("RATE");
        }
        if (CaseAction.CONFIRM.allowedIn(c.status)) {
            actions.add("CONFIRM");
        }
        if (CaseAction.REOPEN.allowedIn(c.status)
                && lifecycle.reopenPossibleUntil(c).map(now::isBefore).orElse(false)) {
            actions.add("REOPEN");
        }
        if (CaseAction.APPEAL.allowedIn(c.status) && c.rating != null && c.rating <= CaseLifecycle.APPEAL_MAX_RATING) {
            actions.add("APPEAL");
        }
        return actions;
    }

    private static String text(String language, String field, String value, int min) {
        if (value == null || value.strip().length() < min || value.length() > MAX_TEXT) {
            throw CitizenTexts.invalid(language, field, min + " sampai " + MAX_TEXT + " karakter",
                    min + " to " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    /** The client's address; behind a proxy, its X-Forwarded-For when {@code quarkus.http.proxy.*} trusts it. */
    private String clientAddress() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
