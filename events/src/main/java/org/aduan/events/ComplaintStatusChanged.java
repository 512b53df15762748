package org.aduan.events;

import java.time.Instant;
import java.util.Optional;

/**
 * followup-service moved a case from one status to another. Published on {@value Topics#LIFECYCLE}.
 *
 * @param complaintId    the complaint
 * @param status         the new status, e.g. {@code ROUTED}
 * @param previousStatus the status before, absent for the first one
 * @param agencyId       the agency now responsible, if any
 * @param changedAt      when
 * @param actor          who caused it: {@code system}, an agency id, {@code citizen}, {@code operator}
 * @param reason         why, when the transition needs one
 */
public record ComplaintStatusChanged(
        String complaintId,
        String status,
        Optional<String> previousStatus,
        Optional<String> agencyId,
        Instant changedAt,
        String actor,
        Optional<String> reason) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.status-changed.v1";

    public ComplaintStatusChanged {
        previousStatus = previousStatus == null ? Optional.empty() : previousStatus;
        agencyId = agencyId == null ? Optional.empty() : agencyId;
        reason = reason == null ? Optional.empty() : reason;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
