package org.aduan.routing.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A complaint's routing decision as the API shows it.
 *
 * @param complaintId the complaint
 * @param outcome     {@code ROUTED} to an agency or {@code TRIAGE} for an operator
 * @param agencyId    the agency that must act; absent when the complaint went to triage
 * @param ruleId      the rule that decided
 * @param reasons     the evidence for the decision
 * @param confidence  0..1
 * @param decidedAt   when the decision was taken
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RoutingDecisionView(String complaintId, Outcome outcome, Optional<String> agencyId, String ruleId,
        List<String> reasons, double confidence, Instant decidedAt) {

    static RoutingDecisionView of(RoutingDecision decision) {
        RoutingVerdict verdict = decision.verdict();
        return new RoutingDecisionView(decision.complaintId, verdict.outcome(), verdict.agencyId(), verdict.ruleId(),
                verdict.reasons(), verdict.confidence(), decision.decidedAt);
    }
}
