package org.aduan.followup.citizen;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a citizen sees of their own complaint: its status and whole public history, the agency's answers,
 * their own additions, and what they may do next. Never the reporter identity, never the agency's
 * internal notes.
 *
 * @param statusLabel      the status in the language of the request
 * @param agencyId         the agency now responsible, once routed
 * @param agencyName       its name, in the language of the request
 * @param dueAt            the running deadline (the agency's follow-up, or the citizen's 10 working days
 *                         after an answer)
 * @param rating           the citizen's rating of the latest answer
 * @param reopenPossibleUntil after an answer: the end of the 10 working days the citizen may reopen in
 * @param possibleActions  what the citizen may do now: INFORMATION, RATE, CONFIRM, REOPEN, APPEAL
 * @param history          every public step and the citizen's own, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TrackedComplaint(String trackingCode, String status, String statusLabel, Optional<String> agencyId,
        Optional<String> agencyName, Optional<String> category, Instant submittedAt, Optional<Instant> dueAt, Optional<Integer> rating,
        Optional<Instant> reopenPossibleUntil, List<String> possibleActions, List<Step> history,
        List<Document> documents) {

    /**
     * One step.
     *
     * @param description what happened, in the language of the request
     * @param reason      why (a transfer, a rejection, a reopening)
     * @param text        the agency's answer, or what the citizen added
     * @param rating      the rating given in this step
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Step(String status, Instant at, String action, String description, Optional<String> reason,
            Optional<String> text, Optional<Integer> rating) {
    }

    /** A resolution document the agency attached. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Document(String name, String reference, Optional<String> mediaType, Instant attachedAt) {
    }
}
