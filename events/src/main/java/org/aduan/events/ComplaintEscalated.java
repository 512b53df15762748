package org.aduan.events;

import java.time.Instant;
import java.util.Optional;

/**
 * followup-service found a case past its SLA deadline and put it in front of the parent agency and
 * operators. Published on {@value Topics#LIFECYCLE}; the case keeps its status.
 *
 * @param complaintId the complaint
 * @param escalatedAt when the breach was noticed
 * @param agencyId    the agency that missed the deadline
 * @param escalatedTo the parent agency now told (regency, then province, then national), if there is one
 * @param status      the status whose SLA was breached, e.g. {@code ROUTED}
 * @param dueAt       the deadline that passed
 * @param level       1 for the first escalation of this deadline, 2 for the next level up, ...
 */
public record ComplaintEscalated(
        String complaintId,
        Instant escalatedAt,
        String agencyId,
        Optional<String> escalatedTo,
        String status,
        Instant dueAt,
        int level) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.escalated.v1";

    public ComplaintEscalated {
        escalatedTo = escalatedTo == null ? Optional.empty() : escalatedTo;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
