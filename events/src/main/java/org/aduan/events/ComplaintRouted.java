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
 * @param category    the category routing settled on (see DESIGN.md), if any
 * @param regionCode  the most specific Kemendagri region code routing found, if any
 * @param previousAgencyId the agency the complaint was with before this decision (a transfer), if any
 * @param transferCount how many transfers the complaint has had, this one included (0 for the first
 *                    decision)
 * @param agencyName  the acting agency's name in Indonesian and English, as the directory had it
 */
public record ComplaintRouted(
        String complaintId,
        String agencyId,
        Instant routedAt,
        String ruleId,
        List<String> reasons,
        double confidence,
        Optional<String> entryAgency,
        Optional<String> category,
        Optional<String> regionCode,
        Optional<String> previousAgencyId,
        int transferCount,
        Optional<AgencyName> agencyName) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.routed.v1";

    public ComplaintRouted {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        entryAgency = entryAgency == null ? Optional.empty() : entryAgency;
        category = category == null ? Optional.empty() : category;
        regionCode = regionCode == null ? Optional.empty() : regionCode;
        previousAgencyId = previousAgencyId == null ? Optional.empty() : previousAgencyId;
        agencyName = agencyName == null ? Optional.empty() : agencyName;
    }

    /** A decision that does not name the agency (events from before names were carried). */
    public ComplaintRouted(String complaintId, String agencyId, Instant routedAt, String ruleId, List<String> reasons,
            double confidence, Optional<String> entryAgency, Optional<String> category, Optional<String> regionCode,
            Optional<String> previousAgencyId, int transferCount) {
        this(complaintId, agencyId, routedAt, ruleId, reasons, confidence, entryAgency, category, regionCode,
                previousAgencyId, transferCount, Optional.empty());
    }

    /** A first decision without category or region (the walking skeleton's shape). */
    public ComplaintRouted(String complaintId, String agencyId, Instant routedAt, String ruleId,
            List<String> reasons, double confidence, Optional<String> entryAgency) {
        this(complaintId, agencyId, routedAt, ruleId, reasons, confidence, entryAgency,
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
