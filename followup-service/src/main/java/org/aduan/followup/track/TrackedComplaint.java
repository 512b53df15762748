package org.aduan.followup.track;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a citizen sees of their own complaint. Never the reporter identity.
 *
 * @param agencyId the agency now responsible, once routed
 * @param category the category code, when known
 * @param history  every status the case entered, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TrackedComplaint(String trackingCode, String status, Optional<String> agencyId,
        Optional<String> category, Instant submittedAt, List<Step> history) {

    /** One status the case entered, when, and a short note. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Step(String status, Instant at, Optional<String> note) {
    }
}
