package org.aduan.followup.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.Topics;
import org.aduan.followup.outbox.Outbox;

/**
 * Opens cases and moves them between statuses. Every transition appends to the history and writes a
 * {@link ComplaintStatusChanged} to the outbox in the caller's transaction, so the database and the
 * lifecycle topic never disagree.
 */
@ApplicationScoped
public class CaseLifecycle {

    static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** The complaint was submitted: open its case, then apply a routing decision that came first. */
    public String open(ComplaintSubmitted event) {
        lock(event.complaintId());
        if (ComplaintCase.findById(event.complaintId()) != null) {
            // the same complaint under another event id (an intake republish): the case is already open
            return "case already open";
        }
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
        c.anonymous = event.anonymous();
        c.confidential = event.confidential();
        c.reporterKeyId = event.reporter().map(r -> r.keyId()).orElse(null);
        c.reporterCiphertext = event.reporter().map(r -> r.ciphertext()).orElse(null);
        c.submittedAt = event.submittedAt();
        c.status = CaseStatus.RECEIVED;
        c.updatedAt = Instant.now();
        c.persist();
        record(c, Optional.empty(), event.submittedAt(), "received via " + event.channel(), Optional.empty());
        return reconcile(c);
    }

    /**
     * routing-service decided. The newest decision is kept; it moves the case when the case exists
     * and may take that step, otherwise it waits for the case.
     */
    public String decide(String complaintId, RoutingOutcome.Kind kind, Optional<String> agencyId,
            Instant decidedAt, List<String> reasons, String eventId) {
        lock(complaintId);
        RoutingOutcome outcome = RoutingOutcome.findById(complaintId);
        if (outcome != null && !outcome.decidedAt.isBefore(decidedAt)) {
            return "a decision as new is already known";
        }
        if (outcome == null) {
            outcome = new RoutingOutcome();
            outcome.complaintId = complaintId;
        }
        outcome.outcome = kind;
        outcome.agencyId = agencyId.orElse(null);
        outcome.decidedAt = decidedAt;
        outcome.reasons = reasons.isEmpty() ? null : String.join("; ", reasons);
        outcome.eventId = eventId;
        outcome.persist();
        ComplaintCase c = ComplaintCase.findById(complaintId);
        if (c == null) {
            return "decision kept until the complaint arrives";
        }
        return reconcile(c);
    }

    private String reconcile(ComplaintCase c) {
        RoutingOutcome outcome = RoutingOutcome.findById(c.complaintId);
        if (outcome == null || !c.status.mayBecome(outcome.outcome.leadsTo)) {
            return "case " + c.status;
        }
        // history must read forwards even when routing's clock is behind intake's
        Instant at = outcome.decidedAt.isBefore(c.submittedAt) ? c.submittedAt : outcome.decidedAt;
        switch (outcome.outcome) {
            case ROUTED -> {
                c.agencyId = outcome.agencyId;
                c.routedAt = at;
                enter(c, CaseStatus.ROUTED, at, "routed to " + outcome.agencyId, Optional.empty());
            }
            case TRIAGE -> enter(c, CaseStatus.TRIAGE, at, "waiting for an operator to choose the agency",
                    Optional.ofNullable(outcome.reasons));
        }
        return "case " + c.status;
    }

    private void enter(ComplaintCase c, CaseStatus next, Instant at, String note, Optional<String> reason) {
        Optional<CaseStatus> previous = Optional.of(c.status);
        c.status = next;
        c.updatedAt = Instant.now();
        record(c, previous, at, note, reason);
    }

    /** Appends the status the case just entered to its history and to the lifecycle topic (via the outbox). */
    private void record(ComplaintCase c, Optional<CaseStatus> previous, Instant at, String note, Optional<String> reason) {
        CaseHistoryEntry entry = new CaseHistoryEntry();
        entry.complaintId = c.complaintId;
        entry.status = c.status;
        entry.at = at;
        entry.actor = SYSTEM;
        entry.note = note;
        entry.persist();

        outbox.add(Topics.LIFECYCLE, new ComplaintStatusChanged(c.complaintId, c.status.name(), previous.map(Enum::name),
                Optional.ofNullable(c.agencyId), at, SYSTEM, reason));
    }

    /**
     * Serialises all changes to one complaint: the submitted and routed consumers run on different
     * threads, and without this each could commit without seeing the other's row, leaving the case
     * RECEIVED forever.
     */
    private void lock(String complaintId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:id, 0))) locked")
                .setParameter("id", complaintId)
                .getSingleResult();
    }
}
