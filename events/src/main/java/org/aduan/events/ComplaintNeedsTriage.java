package org.aduan.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * routing-service could not route confidently; the complaint waits in an operator's triage queue.
 * Published on {@value Topics#TRIAGE}.
 *
 * @param complaintId the complaint
 * @param triagedAt   when it was put in the queue
 * @param reasons     why no agency could be chosen
 * @param category    the category routing suggests, if it found one
 * @param regionCode  the region routing found, if any
 * @param previousAgencyId the agency the complaint was with (after a transfer), if any
 * @param transferCount how many transfers the complaint has had (an operator takes over after 3)
 */
public record ComplaintNeedsTriage(
        String complaintId,
        Instant triagedAt,
        List<String> reasons,
        Optional<String> category,
        Optional<String> regionCode,
        Optional<String> previousAgencyId,
        int transferCount) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.triage.v1";

    public ComplaintNeedsTriage {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        category = category == null ? Optional.empty() : category;
        regionCode = regionCode == null ? Optional.empty() : regionCode;
        previousAgencyId = previousAgencyId == null ? Optional.empty() : previousAgencyId;
    }

    /** A first triage without suggestions (the walking skeleton's shape). */
    public ComplaintNeedsTriage(String complaintId, Instant triagedAt, List<String> reasons) {
        this(complaintId, triagedAt, reasons, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
