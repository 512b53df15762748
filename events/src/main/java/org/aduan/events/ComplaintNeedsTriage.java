package org.aduan.events;

import java.time.Instant;
import java.util.List;

/**
 * routing-service could not route confidently; the complaint waits in an operator's triage queue.
 * Published on {@value Topics#TRIAGE}.
 *
 * @param complaintId the complaint
 * @param triagedAt   when it was put in the queue
 * @param reasons     why no agency could be chosen
 */
public record ComplaintNeedsTriage(String complaintId, Instant triagedAt, List<String> reasons)
        implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.triage.v1";

    public ComplaintNeedsTriage {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
