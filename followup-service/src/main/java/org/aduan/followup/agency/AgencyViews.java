package org.aduan.followup.agency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the agency API returns. Reporter contact details appear only for complaints that are not anonymous. */
public final class AgencyViews {

    private AgencyViews() {
    }

    /**
     * One page of complaints, newest first.
     *
     * @param total how many complaints match in all
     */
    public record InboxPage(List<InboxItem> items, int page, int size, long total) {
    }

    /**
     * A complaint in a list.
     *
     * @param ageWorkingDays working days since submission (a transfer does not reset it)
     * @param dueAt          the running SLA deadline, if any
     * @param overdue        the agency's (or platform's) deadline has passed
     * @param escalationLevel how many escalations the running deadline raised
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record InboxItem(String complaintId, String trackingCode, Optional<String> title, Optional<String> category,
            Optional<String> regionCode, String status, Instant submittedAt, Optional<Instant> routedAt,
            int ageWorkingDays, Optional<Instant> dueAt, boolean overdue, int escalationLevel,
            Optional<String> assignedOfficer, boolean anonymous, int transferCount) {
    }

    /**
     * A complaint with everything the agency may see of it, including the photos and the point the
     * citizen shared (never shown in the public feed).
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record CaseDetail(String complaintId, String trackingCode, Optional<String> title, String text,
            Optional<String> category, Optional<String> regionCode, String language, String channel, String status,
            String agencyId, Instant submittedAt, Optional<Instant> routedAt, Optional<Instant> acknowledgedAt,
            Optional<Instant> respondedAt, Optional<Instant> closedAt, int ageWorkingDays, Optional<Instant> dueAt,
            boolean overdue, int escalationLevel, Optional<String> assignedOfficer, Optional<Integer> rating,
            int transferCount, Optional<String> previousAgencyId, boolean anonymous, boolean confidential,
            Optional<ReporterContact> reporter, List<HistoryEntry> history, List<Document> documents,
            List<EscalationEntry> escalations, Optional<Point> point, List<Attachment> attachments) {
    }

    /** A point the citizen chose to share (WGS 84 degrees): with the complaint or in a later message. */
    public record Point(double latitude, double longitude) {
    }

    /**
     * A photo the citizen sent, stored by intake-service with its metadata stripped.
     *
     * @param url        where intake-service serves it ({@code aduan.followup.intake-public-url})
     * @param receivedAt when the message that brought it was accepted
     */
    public record Attachment(String attachmentId, String mediaType, long sizeBytes, String sha256, String url,
            Instant receivedAt) {
    }

    /** How the agency can reach a reporter who chose to be named. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ReporterContact(Optional<String> name, Optional<String> phone, Optional<String> email) {
    }

    /**
     * One audit entry: what was done, by whom, from which status to which, and why.
     *
     * @param visibility PUBLIC (everyone), CITIZEN (citizen and agency) or AGENCY (internal)
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record HistoryEntry(Instant at, String action, Optional<String> fromStatus, String status, String actor,
            Optional<String> actorUser, Optional<String> reason, Optional<String> text, String visibility) {
    }

    /** A resolution document reference. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Document(long id, String name, String reference, Optional<String> mediaType, String uploadedBy,
            Instant uploadedAt) {
    }

    /** One escalation of a missed deadline. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record EscalationEntry(int level, String status, String agencyId, Optional<String> escalatedTo,
            Instant dueAt, Instant escalatedAt, Optional<Instant> resolvedAt) {
    }

    /** A complaint escalated to the caller's agency (or, for operators, anywhere). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record EscalatedCase(String complaintId, String trackingCode, Optional<String> title,
            Optional<String> category, Optional<String> regionCode, String agencyId, String status, int level,
            Optional<String> escalatedTo, Instant dueAt, Instant escalatedAt, int ageWorkingDays) {
    }

    /** A complaint waiting in the operators' triage queue. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record TriageItem(String complaintId, String trackingCode, Optional<String> title, String text,
            Optional<String> category, Optional<String> regionCode, Instant submittedAt, Instant waitingSince,
            Optional<String> reason, Optional<String> previousAgencyId, int transferCount, Optional<Instant> dueAt,
            boolean overdue) {
    }

    /** A page of escalations or triage items. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
