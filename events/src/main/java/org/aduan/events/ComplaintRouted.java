package org.aduan.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * routing-service decided which agency must act. Published on {@value Topics#ROUTED}.
 *
 * @param complaintId the complaint
 * @param agencyId    the agency that must act, e.g. {@code pemda-32.73}
 * @param routedAt    when the decision was taken
 * @param ruleId      the routing rule that decided
 * @param reasons     human-readable evidence for the decision
 * @param confidence  0..1
 * @param entryAgency the door the citizen used, told when the complaint goes elsewhere
 */
public record ComplaintRouted(
        String complaintId,
        String agencyId,
        Instant routedAt,
        String ruleId,
        List<String> reasons,
        double confidence,
        Optional<String> entryAgency) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.routed.v1";

    public ComplaintRouted {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        entryAgency = entryAgency == null ? Optional.empty() : entryAgency;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
