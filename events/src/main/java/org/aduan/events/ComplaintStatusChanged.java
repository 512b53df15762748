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
 * @param suggestedAgencyId with {@link #TRANSFER_REQUESTED}: the agency the declining agency thinks
 *                       should act, if it named one
 * @param rating         with {@code RATED}, {@code CLOSED} or {@code APPEALED} after a citizen rated the
 *                       answer: the rating, 1 (poor) to 5 (good)
 * @param agencyName     the name of {@code agencyId} in Indonesian and English, when followup knows it
 */
public record ComplaintStatusChanged(
        String complaintId,
        String status,
        Optional<String> previousStatus,
        Optional<String> agencyId,
        Instant changedAt,
        String actor,
        Optional<String> reason,
        Optional<String> suggestedAgencyId,
        Optional<Integer> rating,
        Optional<AgencyName> agencyName) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.status-changed.v1";

    /**
     * The status an agency's "not ours" (bukan wewenang) produces: {@code agencyId} is the agency that
     * declines, {@code reason} says why, {@code suggestedAgencyId} optionally names who should act.
     * routing-service re-routes the complaint, never back to an agency that already declined.
     */
    public static final String TRANSFER_REQUESTED = "TRANSFER_REQUESTED";

    public ComplaintStatusChanged {
        previousStatus = previousStatus == null ? Optional.empty() : previousStatus;
        agencyId = agencyId == null ? Optional.empty() : agencyId;
        reason = reason == null ? Optional.empty() : reason;
        suggestedAgencyId = suggestedAgencyId == null ? Optional.empty() : suggestedAgencyId;
        rating = rating == null ? Optional.empty() : rating;
        agencyName = agencyName == null ? Optional.empty() : agencyName;
        rating.ifPresent(r -> {
            if (r < 1 || r > 5) {
                throw new IllegalArgumentException("rating must be 1..5, was " + r);
            }
        });
    }

    /** A status change without the agency's name. */
    public ComplaintStatusChanged(String complaintId, String status, Optional<String> previousStatus,
            Optional<String> agencyId, Instant changedAt, String actor, Optional<String> reason,
            Optional<String> suggestedAgencyId, Optional<Integer> rating) {
        this(complaintId, status, previousStatus, agencyId, changedAt, actor, reason, suggestedAgencyId, rating,
                Optional.empty());
    }

    /** A status change that names no suggested agency. */
    public ComplaintStatusChanged(String complaintId, String status, Optional<String> previousStatus,
            Optional<String> agencyId, Instant changedAt, String actor, Optional<String> reason) {
        this(complaintId, status, previousStatus, agencyId, changedAt, actor, reason, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public boolean isTransferRequest() {
        return TRANSFER_REQUESTED.equals(status);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
