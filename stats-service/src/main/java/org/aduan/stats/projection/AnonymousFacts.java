package org.aduan.stats.projection;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventJson.MalformedEventException;

/**
 * What stats-service keeps of each event, and nothing more. Every value is a code checked against the
 * shape of a code, so that free text put where a code belongs (by a buggy producer or a citizen's
 * creative input) is never stored: identity can hide in any free text.
 */
final class AnonymousFacts {

    private static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PROVINCE = Pattern.compile("(\\d{2})(\\..*)?");
    private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    private AnonymousFacts() {
    }

    /** Of a submission: category, province and channel; never title, text, place description or reporter. */
    record Submission(String complaintId, String category, String provinceCode, String channel, Instant submittedAt) {
        static Submission of(ComplaintSubmitted event) {
            return new Submission(
                    checkedComplaintId(event.complaintId()),
                    event.category().filter(c -> CATEGORY.matcher(c).matches()).orElse(ComplaintFact.UNKNOWN),
                    event.location().regionCode().map(String::strip).map(PROVINCE::matcher)
                            .filter(m -> m.matches()).map(m -> m.group(1)).orElse(ComplaintFact.UNKNOWN),
                    event.channel() == null ? ComplaintFact.UNKNOWN : event.channel().name(),
                    required(event.submittedAt(), "submittedAt"));
        }
    }

    /** Of a status change: the status and the agency; never the reason, which is free text. */
    record StatusChange(String complaintId, String status, Optional<String> agencyId, Instant changedAt) {
        static StatusChange of(ComplaintStatusChanged event) {
            String status = required(event.status(), "status");
            if (!STATUS.matcher(status).matches()) {
                throw new MalformedEventException("status is not a status code", null);
            }
            return new StatusChange(checkedComplaintId(event.complaintId()), status,
                    event.agencyId().map(AnonymousFacts::agency), required(event.changedAt(), "changedAt"));
        }
    }

    /** Of a routing decision: routed or triaged, and to which agency; never the reasons. */
    record RoutingResult(String complaintId, String outcome, Optional<String> agencyId) {
        static RoutingResult of(ComplaintRouted event) {
            return new RoutingResult(checkedComplaintId(event.complaintId()), "ROUTED",
                    Optional.of(agency(required(event.agencyId(), "agencyId"))));
        }

        static RoutingResult of(ComplaintNeedsTriage event) {
            return new RoutingResult(checkedComplaintId(event.complaintId()), "TRIAGE", Optional.empty());
        }
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
