package org.aduan.routing.decision;

import java.util.List;
import java.util.Optional;

/**
 * What the routing rules say about one complaint.
 *
 * @param outcome    routed to an agency, or to triage
 * @param agencyId   the agency that must act; present exactly when routed
 * @param ruleId     the rule that decided
 * @param reasons    human-readable evidence, shown to agencies and operators
 * @param confidence 0..1
 */
public record RoutingVerdict(Outcome outcome, Optional<String> agencyId, String ruleId, List<String> reasons,
        double confidence) {

    public RoutingVerdict {
        agencyId = agencyId == null ? Optional.empty() : agencyId;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if ((outcome == Outcome.ROUTED) != agencyId.isPresent()) {
            throw new IllegalArgumentException("a routed verdict names an agency, a triage verdict none");
        }
    }

    static RoutingVerdict routed(String agencyId, String ruleId, String reason, double confidence) {
        return new RoutingVerdict(Outcome.ROUTED, Optional.of(agencyId), ruleId, List.of(reason), confidence);
    }

    static RoutingVerdict triage(String ruleId, String reason) {
        return new RoutingVerdict(Outcome.TRIAGE, Optional.empty(), ruleId, List.of(reason), 0.0);
    }
}
