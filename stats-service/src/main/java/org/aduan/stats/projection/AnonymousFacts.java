package org.aduan.stats.projection;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.events.Category;
import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventJson.MalformedEventException;

/**
 * What stats-service keeps of each event, and nothing more. Every value is a code checked against the
 * shape of a code (categories against the list of categories), so that free text put where a code
 * belongs (by a buggy producer or a citizen's creative input) is never stored: identity can hide in any
 * free text. Titles, texts, place descriptions, reasons and the sealed reporter are never read.
 */
public final class AnonymousFacts {

    private static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Kemendagri code, kept down to the regency: {@code 32}, {@code 32.73}; districts and villages are cut. */
    private static final Pattern REGION = Pattern.compile("(\\d{2})(\\.\\d{2})?(\\.\\d{2}(\\.\\d{4})?)?");
    private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    private AnonymousFacts() {
    }

    /** The anonymous change one event makes to the projection. */
    public sealed interface Change permits Submission, RoutingDecision, StatusChange, Escalation {
        String complaintId();
    }

    /** Of a submission: category, region and channel; never title, text, place description or reporter. */
    public record Submission(String complaintId, Optional<String> category, Optional<String> region, String channel,
            Instant submittedAt) implements Change {

        public static Submission of(ComplaintSubmitted event) {
            return new Submission(
                    checkedComplaintId(event.complaintId()),
                    categoryCode(event.category()),
                    regionCode(event.location().regionCode()),
                    event.channel() == null ? "unknown" : event.channel().name(),
                    required(event.submittedAt(), "submittedAt"));
        }
    }

    /**
     * Of a routing decision (routed or triaged): the agency, routing's category and region, and the transfer
     * it completes; never the reasons.
     *
     * @param outcome       {@code ROUTED} or {@code TRIAGE}
     * @param agencyId      the agency that must act; empty for triage
     * @param transferCount 0 for the first decision, n for the re-routing after the n-th transfer
     * @param previousAgencyId the agency that declined the complaint, for a re-routing
     */
    public record RoutingDecision(String complaintId, String outcome, Optional<String> agencyId, Instant decidedAt,
            int transferCount, Optional<String> previousAgencyId, Optional<String> category, Optional<String> region)
            implements Change {

        public static final String ROUTED = "ROUTED";
        public static final String TRIAGE = "TRIAGE";

        public static RoutingDecision of(ComplaintRouted event) {
            return new RoutingDecision(checkedComplaintId(event.complaintId()), ROUTED,
                    Optional.of(agency(required(event.agencyId(), "agencyId"))),
                    required(event.routedAt(), "routedAt"), checkedTransferCount(event.transferCount()),
                    event.previousAgencyId().map(AnonymousFacts::agency), categoryCode(event.category()),
                    regionCode(event.regionCode()));
        }

        public static RoutingDecision of(ComplaintNeedsTriage event) {
            return new RoutingDecision(checkedComplaintId(event.complaintId()), TRIAGE, Optional.empty(),
                    required(event.triagedAt(), "triagedAt"), checkedTransferCount(event.transferCount()),
                    event.previousAgencyId().map(AnonymousFacts::agency), categoryCode(event.category()),
                    regionCode(event.regionCode()));
        }

        /** A re-routing after a transfer: from the declining agency to the next one (or to triage). */
        public boolean completesTransfer() {
            return transferCount > 0 && previousAgencyId.isPresent();
        }
    }

    /**
     * Of a status change: the status, the agency and the citizen's rating; never the reason, which is free
     * text, nor the actor.
     */
    public record StatusChange(String complaintId, String status, Optional<String> agencyId, Instant changedAt,
            Optional<Integer> rating) implements Change {

        public static StatusChange of(ComplaintStatusChanged event) {
            String status = required(event.status(), "status");
            if (!STATUS.matcher(status).matches()) {
                throw new MalformedEventException("status is not a status code", null);
            }
            return new StatusChange(checkedComplaintId(event.complaintId()), status,
                    event.agencyId().map(AnonymousFacts::agency), required(event.changedAt(), "changedAt"),
                    event.rating());
        }

        public int stage() {
            return Stage.reachedBy(status).rank;
        }
    }

    /** Of an SLA escalation: which agency missed a deadline, and when that was noticed. */
    public record Escalation(String complaintId, String agencyId, Instant escalatedAt) implements Change {

        public static Escalation of(ComplaintEscalated event) {
            return new Escalation(checkedComplaintId(event.complaintId()),
                    agency(required(event.agencyId(), "agencyId")), required(event.escalatedAt(), "escalatedAt"));
        }
    }

    /**
     * Reduces any complaint event to its change.
     *
     * @throws MalformedEventException when a value is missing or not a code
     */
    public static Change of(ComplaintEvent event) {
        // Java 17: no pattern matching for switch yet.
        if (event instanceof ComplaintSubmitted e) {
            return Submission.of(e);
        } else if (event instanceof ComplaintRouted e) {
            return RoutingDecision.of(e);
        } else if (event instanceof ComplaintNeedsTriage e) {
            return RoutingDecision.of(e);
        } else if (event instanceof ComplaintStatusChanged e) {
            return StatusChange.of(e);
        } else if (event instanceof ComplaintEscalated e) {
            return Escalation.of(e);
        }
        throw new MalformedEventException("not a complaint event: " + event.type(), null);
    }

    /** A category code from the list of categories; anything else is as good as none. */
    static Optional<String> categoryCode(Optional<String> code) {
        return code.map(String::strip).flatMap(Category::ofCode).map(c -> c.code);
    }

    /** The region code cut to the regency ({@code 32.73.01.1001} → {@code 32.73}); anything else is none. */
    static Optional<String> regionCode(Optional<String> code) {
        return code.map(String::strip).map(REGION::matcher).filter(Matcher::matches)
                .map(m -> m.group(1) + (m.group(2) == null ? "" : m.group(2)));
    }

    private static int checkedTransferCount(int count) {
        if (count < 0) {
            throw new MalformedEventException("transferCount is negative", null);
        }
        return count;
    }

    private static String checkedComplaintId(String id) {
        if (id == null || !COMPLAINT_ID.matcher(id).matches()) {
            throw new MalformedEventException("complaintId missing or not an id", null);
        }
        return id;
    }

    private static String agency(String id) {
        if (!AGENCY.matcher(id).matches()) {
            throw new MalformedEventException("agencyId is not an agency id", null);
        }
        return id;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " missing", null);
        }
        return value;
    }
}
