package org.aduan.routing.decision;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.events.AgencyName;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.Topics;
import org.aduan.routing.directory.AgencyLookup;
import org.aduan.routing.outbox.Outbox;

/**
 * Records a routing decision: the current decision, a new step of the referral chain, and the event
 * ({@link ComplaintRouted} or {@link ComplaintNeedsTriage}) in the outbox. Called inside the caller's
 * transaction, so the three are written together or not at all.
 */
@ApplicationScoped
public class Decisions {

    private final Outbox outbox;
    private final AgencyLookup agencies;

    Decisions(Outbox outbox, AgencyLookup agencies) {
        this.outbox = outbox;
        this.agencies = agencies;
    }

    /**
     * @param decision         the complaint's current decision (new or loaded for update)
     * @param previousAgencyId the agency the complaint leaves, after a transfer
     * @param transfers        how many agencies have declined it so far
     * @param decidedBy        {@code routing}, or {@code operator:<username>} for an operator's choice
     */
    public void record(RoutingDecision decision, RoutingProposal proposal, Instant at, Optional<String> entryAgency,
            Optional<String> previousAgencyId, int transfers, String decidedBy) {
        decision.apply(proposal, at, entryAgency, transfers);
        if (!decision.isPersistent()) {
            decision.persist();
        }
        Referral.record(decision.complaintId, proposal, at, decidedBy);
        Optional<String> region = proposal.regionCode();
        Optional<String> category = Optional.of(proposal.category());
        if (proposal.outcome() == Outcome.ROUTED) {
            String agencyId = proposal.agencyId().orElseThrow();
            // the name as the directory has it now, so that citizens are told who acts, not an id
            Optional<AgencyName> name = agencies.find(agencyId).map(a -> new AgencyName(a.nameId(), a.nameEn()));
            outbox.enqueue(Topics.ROUTED, new ComplaintRouted(decision.complaintId, agencyId, at, proposal.ruleId(),
                    proposal.reasons(), proposal.confidence(), entryAgency, category, region, previousAgencyId,
                    transfers, name));
        } else {
            outbox.enqueue(Topics.TRIAGE, new ComplaintNeedsTriage(decision.complaintId, at, proposal.reasons(),
                    category, region, previousAgencyId, transfers));
        }
    }
}
