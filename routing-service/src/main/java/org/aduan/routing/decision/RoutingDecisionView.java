package org.aduan.routing.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A complaint's routing as the API shows it: the current decision and the whole referral chain.
 *
 * @param complaintId   the complaint
 * @param outcome       {@code ROUTED} to an agency or {@code TRIAGE} for an operator
 * @param agencyId      the agency that must act now; absent while in triage
 * @param ruleId        the rule that decided
 * @param reasons       the evidence for the decision
 * @param confidence    0..1
 * @param decidedAt     when the current decision was taken
 * @param category      the category routing settled on
 * @param regionCode    the region found
 * @param entryAgency   the door the citizen used, if any
 * @param transferCount how many agencies declined so far
 * @param chain         every decision, oldest first, with who declined and why
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RoutingDecisionView(String complaintId, Outcome outcome, Optional<String> agencyId, String ruleId,
        List<String> reasons, double confidence, Instant decidedAt, Optional<String> category,
        Optional<String> regionCode, Optional<String> entryAgency, int transferCount, List<Step> chain) {

    /** One step of the referral chain. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Step(int seq, Outcome outcome, Optional<String> agencyId, String ruleId, List<String> reasons,
            double confidence, Instant decidedAt, String decidedBy, Optional<Instant> declinedAt,
            Optional<String> declineReason, Optional<String> suggestedAgency) {
    }

    public static RoutingDecisionView of(RoutingDecision d) {
        List<Step> chain = Referral.chain(d.complaintId).stream()
                .map(r -> new Step(r.seq, r.outcome, Optional.ofNullable(r.agencyId), r.ruleId, List.of(r.reasons),
                        r.confidence, r.decidedAt, r.decidedBy, Optional.ofNullable(r.declinedAt),
                        Optional.ofNullable(r.declineReason), Optional.ofNullable(r.suggestedAgency)))
                .toList();
        return new RoutingDecisionView(d.complaintId, d.outcome, Optional.ofNullable(d.agencyId), d.ruleId,
                d.reasonList(), d.confidence, d.decidedAt, Optional.ofNullable(d.category),
                Optional.ofNullable(d.regionCode), Optional.ofNullable(d.entryAgency), d.transferCount, chain);
    }
}
