package org.aduan.routing.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A complaint's current routing decision: the agency that must act now (or the triage queue), and the
 * evidence. Earlier decisions are in the {@link Referral} chain.
 */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] reasons;

    @Column(nullable = false)
    public double confidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public String category;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "entry_agency")
    public String entryAgency;

    @Column(name = "would_route_to")
    public String wouldRouteTo;

    @Column(name = "transfer_count", nullable = false)
    public int transferCount;

    public static RoutingDecision forUpdate(String complaintId) {
        return findById(complaintId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Sets this decision from a proposal (the first one, a re-route or an operator's choice). */
    public void apply(RoutingProposal proposal, Instant at, Optional<String> entryAgency, int transfers) {
        agencyId = proposal.agencyId().orElse(null);
        ruleId = proposal.ruleId();
        reasons = proposal.reasons().toArray(String[]::new);
        confidence = proposal.confidence();
        outcome = proposal.outcome();
        decidedAt = at;
        category = proposal.category();
        regionCode = proposal.regionCode().orElse(null);
        this.entryAgency = entryAgency.orElse(null);
        wouldRouteTo = proposal.wouldRouteTo().orElse(null);
        transferCount = transfers;
    }

    public List<String> reasonList() {
        return List.of(reasons);
    }
}
