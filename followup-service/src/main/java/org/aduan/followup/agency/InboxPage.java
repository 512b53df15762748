package org.aduan.followup.agency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of an agency's inbox, newest complaint first.
 *
 * @param total how many complaints the agency has in all
 */
public record InboxPage(List<Item> items, int page, int size, long total) {

    /**
     * A complaint assigned to the agency.
     *
     * @param reporter who complained; present only for complaints that are not anonymous
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Item(String complaintId, String trackingCode, Optional<String> title, String text,
            Optional<String> category, Optional<String> regionCode, String status, Instant submittedAt,
            Optional<Instant> routedAt, boolean anonymous, Optional<ReporterContact> reporter) {
    }

    /** How the agency can reach a reporter who chose to be named. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ReporterContact(Optional<String> name, Optional<String> phone, Optional<String> email) {
    }
}
