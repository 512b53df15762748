package org.aduan.routing.decision;

import java.util.List;
import java.util.Optional;

/**
 * What the rules say about one complaint.
 *
 * @param outcome      routed to an agency, or to triage
 * @param agencyId     the agency that must act; present exactly when routed
 * @param ruleId       the rule that decided
 * @param reasons      the evidence: region, category, rule; shown to agencies and operators
 * @param confidence   0..1
 * @param category     the category found ({@code lainnya} when nothing matched)
 * @param regionCode   the most specific region found, if any
 * @param alternatives agencies to try next if the chosen one declines, best first
 * @param wouldRouteTo for a triage below the confidence threshold: the agency the rules pointed at
 */
public record RoutingProposal(Outcome outcome, Optional<String> agencyId, String ruleId, List<String> reasons,
        double confidence, String category, Optional<String> regionCode, List<String> alternatives,
        Optional<String> wouldRouteTo) {

    public RoutingProposal {
        agencyId = agencyId == null ? Optional.empty() : agencyId;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        regionCode = regionCode == null ? Optional.empty() : regionCode;
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        wouldRouteTo = wouldRouteTo == null ? Optional.empty() : wouldRouteTo;
        if ((outcome == Outcome.ROUTED) != agencyId.isPresent()) {
            throw new IllegalArgumentException("a routed proposal names an agency, a triage proposal none");
        }
        confidence = Math.round(confidence * 1000) / 1000.0;
    }

    public boolean triage() {
        return outcome == Outcome.TRIAGE;
    }
}
