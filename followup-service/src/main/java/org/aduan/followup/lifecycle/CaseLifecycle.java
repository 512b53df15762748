package org.aduan.followup.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.events.AgencyName;
import org.aduan.events.Attachment;
import org.aduan.events.ChannelOrigin;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.Topics;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.outbox.Outbox;
import org.aduan.followup.sla.SlaTimers;
import org.aduan.followup.sla.WorkingDayCalendar;

/**
 * Moves cases through the lifecycle table ({@link CaseStatus}, {@link CaseAction}) and nothing else.
 * Every action appends to the audit trail; every status change also writes a
 * {@link ComplaintStatusChanged} to the outbox and resets the SLA timer, all in the caller's
 * transaction, so the database, the timers and the lifecycle topic never disagree.
 * <p>
 * Callers hold the case's lock ({@link #lock(String)}) from reading the case to committing.
 */
@ApplicationScoped
public class CaseLifecycle {

    /** The citizen may reopen within this many working days of the answer. */
    public static final int REOPEN_WORKING_DAYS = 10;
    /** An appeal needs a rating of at most this. */
    public static final int APPEAL_MAX_RATING = 2;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    SlaTimers timers;

    @Inject
    WorkingDayCalendar calendar;

    /** The complaint was submitted: open its case, then apply a routing decision that came first. */
    public String open(ComplaintSubmitted event, String eventId) {
        lock(event.complaintId());
        if (ComplaintCase.findById(event.complaintId()) != null) {
            // the same complaint under another event id (an intake republish): the case is already open
            return "case already open";
        }
        Instant now = clock.now();
        ComplaintCase c = new ComplaintCase();
        c.complaintId = event.complaintId();
        c.trackingCode = event.trackingCode();
        c.pinHash = event.pinHash();
        c.channel = event.channel();
        c.language = event.language();
        c.title = event.title().orElse(null);
        c.text = event.text();
        c.category = event.category().orElse(null);
        c.regionCode = event.location().regionCode().orElse(null);
        event.location().point().ifPresent(point -> {
            c.latitude = point.latitude();
            c.longitude = point.longitude();
        });
        c.anonymous = event.anonymous();
        c.confidential = event.confidential();
        c.reporterKeyId = event.reporter().map(r -> r.keyId()).orElse(null);
        c.reporterCiphertext = event.reporter().map(r -> r.ciphertext()).orElse(null);
        c.submittedAt = event.submittedAt();
        c.status = CaseStatus.RECEIVED;
        c.updatedAt = now;
        c.persist();
        // the citizen's own time of submission, so the history starts when they complained
        record(c, CaseAction.SUBMIT, Optional.empty(), event.submittedAt(), Actor.SYSTEM,
                "received via " + event.channel(), ActionDetails.none());
        keepAttachments(c.complaintId, event.attachments(), eventId, event.submittedAt());
        // later messages that came first (a replay, a complaint that was dead-lettered and replayed)
        int added = 0;
        for (CaseSupplement pending : CaseSupplement.pending(c.complaintId)) {
            addSupplement(c, pending, now);
            added++;
        }
        timers.reschedule(c, now);
        return reconcile(c) + (added > 0 ? ", " + added + " earlier message(s) added" : "");
    }

    /**
     * The citizen wrote again on the complaint's conversation. The text is information from the citizen,
     * exactly like "add information" on the tracking page: in the history for the citizen and the agency,
     * no status change, no SLA change. Its photos join the case's attachments; a shared point becomes the
     * case's point if it has none. Before its complaint is known, it waits ({@link CaseSupplement}).
     */
    public String supplement(ComplaintSupplemented event, String eventId) {
        lock(event.complaintId());
        Optional<String> messageId = event.origin().flatMap(ChannelOrigin::messageId);
        if (messageId.isPresent() && CaseSupplement.messageKnown(event.complaintId(), messageId.get())) {
            return "message " + messageId.get() + " already added";
        }
        Instant now = clock.now();
        CaseSupplement s = new CaseSupplement();
        s.eventId = eventId;
        s.complaintId = event.complaintId();
        s.messageId = messageId.orElse(null);
        s.channel = event.channel();
        s.text = event.text();
        event.point().ifPresent(point -> {
            s.latitude = point.latitude();
            s.longitude = point.longitude();
        });
        s.supplementedAt = event.supplementedAt();
        s.receivedAt = now;
        s.persist();
        keepAttachments(event.complaintId(), event.attachments(), eventId, event.supplementedAt());
        ComplaintCase c = ComplaintCase.findById(event.complaintId());
        if (c == null) {
            return "message kept until the complaint arrives";
        }
        return addSupplement(c, s, now);
    }

    private String addSupplement(ComplaintCase c, CaseSupplement s, Instant now) {
        s.handledAt = now;
        if (c.latitude == null && s.latitude != null) {
            c.latitude = s.latitude;
            c.longitude = s.longitude;
        }
        if (!CaseAction.ADD_INFORMATION.allowedIn(c.status)) {
            // the conversation window outlived the case: kept with the case, but the citizen must reopen
            s.outcome = "case " + c.status + ": not added to the history";
            return s.outcome;
        }
        Instant at = now.isBefore(c.submittedAt) ? c.submittedAt : now;
        ActionDetails details = s.text.isBlank() ? ActionDetails.none() : ActionDetails.body(s.text);
        // the status and updatedAt stay: the SLA clock and the queues' "waiting since" are not the citizen's to move
        record(c, CaseAction.ADD_INFORMATION, Optional.of(c.status), at, Actor.CITIZEN,
                "added on " + s.channel, details);
        return "information added to case " + c.status;
    }

    private static void keepAttachments(String complaintId, List<Attachment> attachments, String eventId,
            Instant receivedAt) {
        for (Attachment a : attachments) {
            if (CaseAttachment.findById(a.attachmentId()) != null) {
                continue;
            }
            CaseAttachment row = new CaseAttachment();
            row.attachmentId = a.attachmentId();
            row.complaintId = complaintId;
            row.mediaType = a.mediaType();
            row.sizeBytes = a.sizeBytes();
            row.sha256 = a.sha256();
            row.eventId = eventId;
            row.receivedAt = receivedAt;
            row.persist();
        }
    }

    /**
     * routing-service decided. The newest decision is kept; it moves the case when the case exists and
     * may take that step, otherwise it waits for the case.
     */
    public String decide(String complaintId, RoutingOutcome.Kind kind, Optional<String> agencyId,
            Instant decidedAt, List<String> reasons, String eventId, String ruleId,
            Optional<String> previousAgencyId, int transferCount, Optional<AgencyName> agencyName) {
        lock(complaintId);
        RoutingOutcome outcome = RoutingOutcome.findById(complaintId);
        if (outcome != null && !outcome.decidedAt.isBefore(decidedAt)) {
            return "a decision as new is already known: stale decision ignored";
        }
        if (outcome == null) {
            outcome = new RoutingOutcome();
            outcome.complaintId = complaintId;
        }
        outcome.outcome = kind;
        outcome.agencyId = agencyId.orElse(null);
        outcome.agencyName = StoredAgencyName.of(agencyName);
        outcome.decidedAt = decidedAt;
        outcome.reasons = reasons.isEmpty() ? null : String.join("; ", reasons);
        outcome.eventId = eventId;
        outcome.ruleId = ruleId;
        outcome.previousAgencyId = previousAgencyId.orElse(null);
        outcome.transferCount = transferCount;
        outcome.persist();
        ComplaintCase c = ComplaintCase.findById(complaintId);
        if (c == null) {
            return "decision kept until the complaint arrives";
        }
        return reconcile(c);
    }

    /** Applies the newest routing decision to the case when it is newer than the one applied and allowed now. */
    private String reconcile(ComplaintCase c) {
        RoutingOutcome outcome = RoutingOutcome.findById(c.complaintId);
        if (outcome == null) {
            return "case " + c.status;
        }
        if (c.decidedAt != null && !outcome.decidedAt.isAfter(c.decidedAt)) {
            return "case " + c.status + ": routing decision already applied";
        }
        CaseAction action = outcome.outcome.action;
        if (!action.allowedIn(c.status)) {
            return "case " + c.status + ": routing decision kept, " + action + " is not possible now";
        }
        Instant now = clock.now();
        // history must read forwards even when intake's clock is ahead of this one
        Instant at = now.isBefore(c.submittedAt) ? c.submittedAt : now;
        CaseStatus previous = c.status;
        c.decidedAt = outcome.decidedAt;
        String note;
        ActionDetails details = ActionDetails.none();
        if (outcome.outcome == RoutingOutcome.Kind.ROUTED) {
            String from = c.agencyId;
            boolean transfer = previous == CaseStatus.TRANSFER_REQUESTED && from != null
                    && !from.equals(outcome.agencyId);
            if (transfer) {
                note = "transferred from " + from + " to " + outcome.agencyId
                        + Optional.ofNullable(c.transferReason).map(r -> ": " + r).orElse("");
                details = details.withReason(note);
            } else if ("operator".equals(outcome.ruleId)) {
                note = "an operator forwarded it to " + outcome.agencyId;
                details = Optional.ofNullable(outcome.reasons).map(details::withReason).orElse(details);
            } else {
                note = "routed to " + outcome.agencyId;
            }
            if (from != null && !from.equals(outcome.agencyId)) {
                c.previousAgencyId = from;
            } else if (outcome.previousAgencyId != null) {
                c.previousAgencyId = outcome.previousAgencyId;
            }
            c.agencyId = outcome.agencyId;
            c.agencyName = StoredAgencyName.of(StoredAgencyName.read(outcome.agencyName));
            c.routedAt = outcome.decidedAt;
            c.assignedAt = at;
            // the new agency starts afresh: its own acknowledgement, officer and follow-up clock
            c.acknowledgedAt = null;
            c.assignedOfficer = null;
            c.transferReason = null;
        } else {
            note = "waiting for an operator to choose the agency";
            details = Optional.ofNullable(outcome.reasons).map(details::withReason).orElse(details);
            if (c.agencyId != null) {
                // declined by its agency and not re-routable: it is no longer that agency's complaint
                c.previousAgencyId = c.agencyId;
                c.agencyId = null;
                c.agencyName = null;
                c.transferReason = null;
            }
        }
        c.transferCount = Math.max(c.transferCount, outcome.transferCount);
        c.status = action.to().orElseThrow();
        c.updatedAt = now;
        record(c, action, Optional.of(previous), at, Actor.SYSTEM, note, details);
        timers.reschedule(c, now);
        return "case " + c.status;
    }

    /**
     * Takes {@code action} on the case as {@code actor}, if the lifecycle table and its rules allow it.
     *
     * @throws CaseActionRefused when the role may not take the action, the status does not allow it, or
     *                           a rule (appeal after a poor rating, reopen window) says no
     */
    public ComplaintCase take(ComplaintCase c, CaseAction action, Actor actor, ActionDetails details) {
        if (!action.allowedFor(actor.kind())) {
            throw CaseActionRefused.role(action, actor.kind());
        }
        if (!action.allowedIn(c.status)) {
            throw CaseActionRefused.status(action, c.status);
        }
        Instant now = clock.now();
        checkRules(c, action, now);
        CaseStatus previous = c.status;
        switch (action) {
            case ACKNOWLEDGE -> {
                c.acknowledgedAt = now;
                if (c.assignedOfficer == null) {
                    c.assignedOfficer = actor.user().orElse(null);
                }
            }
            case ASSIGN -> c.assignedOfficer = details.officer().orElseThrow();
            case RESPOND, ANSWER_APPEAL -> {
                c.respondedAt = now;
                c.rating = null; // a new answer is rated afresh
            }
            case REQUEST_TRANSFER -> c.transferReason = details.reason().orElse(null);
            case RATE -> c.rating = details.rating().orElseThrow();
            case CONFIRM, AUTO_CLOSE, REJECT -> c.closedAt = now;
            case REOPEN -> {
                c.closedAt = null;
                c.rating = null;
            }
            default -> {
                // the status change (if any) is all
            }
        }
        action.to().ifPresent(next -> c.status = next);
        c.updatedAt = now;
        record(c, action, Optional.of(previous), now, actor, action.label("en"), details);
        if (c.status != previous) {
            timers.reschedule(c, now);
        }
        return c;
    }

    private void checkRules(ComplaintCase c, CaseAction action, Instant now) {
        if (action == CaseAction.APPEAL && (c.rating == null || c.rating > APPEAL_MAX_RATING)) {
            throw new CaseActionRefused(CaseActionRefused.Reason.APPEAL_NEEDS_POOR_RATING,
                    "An appeal to the supervisor is possible after rating the answer " + APPEAL_MAX_RATING
                            + " or lower.",
                    "Banding ke atasan dapat diajukan setelah memberi nilai " + APPEAL_MAX_RATING
                            + " atau kurang untuk jawaban.");
        }
        if (action == CaseAction.REOPEN && !reopenPossibleAt(c, now)) {
            throw new CaseActionRefused(CaseActionRefused.Reason.REOPEN_WINDOW_CLOSED,
                    "A complaint can be reopened only within " + REOPEN_WORKING_DAYS
                            + " working days of the agency's answer.",
                    "Pengaduan hanya dapat dibuka kembali dalam " + REOPEN_WORKING_DAYS
                            + " hari kerja sejak jawaban instansi.");
        }
    }

    /** The end of the citizen's reopen window: 10 working days after the latest answer. */
    public Optional<Instant> reopenPossibleUntil(ComplaintCase c) {
        return Optional.ofNullable(c.respondedAt).map(answered -> calendar.deadline(answered, REOPEN_WORKING_DAYS));
    }

    private boolean reopenPossibleAt(ComplaintCase c, Instant now) {
        return reopenPossibleUntil(c).map(now::isBefore).orElse(false);
    }

    /**
     * Appends the action to the audit trail and, when the status changed, to the lifecycle topic (via the
     * outbox).
     */
    private void record(ComplaintCase c, CaseAction action, Optional<CaseStatus> previous, Instant at, Actor actor,
            String note, ActionDetails details) {
        CaseHistoryEntry entry = new CaseHistoryEntry();
        entry.complaintId = c.complaintId;
        entry.action = action;
        entry.fromStatus = previous.orElse(null);
        entry.status = c.status;
        entry.at = at;
        entry.actor = actor.label();
        entry.actorUser = actor.user().orElse(null);
        entry.note = note;
        entry.reason = details.reason().orElse(null);
        entry.body = details.body().orElse(null);
        entry.rating = details.rating().orElse(null);
        entry.visibility = action.visibility();
        entry.persist();

        if (previous.isPresent() && previous.get() == c.status) {
            return; // notes, assignments, documents, added information: audit only
        }
        boolean carriesRating = c.rating != null && (c.status == CaseStatus.RATED || c.status == CaseStatus.APPEALED
                || c.status == CaseStatus.CLOSED);
        Optional<String> suggested = action == CaseAction.REQUEST_TRANSFER ? details.suggestedAgencyId() : Optional.empty();
        outbox.add(Topics.LIFECYCLE, new ComplaintStatusChanged(c.complaintId, c.status.name(),
                previous.map(Enum::name), Optional.ofNullable(c.agencyId), at, actor.label(), details.reason(),
                suggested, carriesRating ? Optional.of(c.rating) : Optional.empty(),
                c.agencyName()));
    }

    /**
     * Serialises all changes to one complaint: the consumers, the REST actions and the SLA sweeper run on
     * different threads (and replicas); without this two could each commit without seeing the other.
     */
    public void lock(String complaintId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:id, 0))) locked")
                .setParameter("id", complaintId)
                .getSingleResult();
    }
}
