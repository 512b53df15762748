package org.aduan.routing.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The recorded routing decision of one complaint: the evidence an agency or operator can ask for. */
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

    static RoutingDecision of(String complaintId, RoutingVerdict verdict, Instant decidedAt) {
        RoutingDecision decision = new RoutingDecision();
        decision.complaintId = complaintId;
        decision.agencyId = verdict.agencyId().orElse(null);
        decision.ruleId = verdict.ruleId();
        decision.reasons = verdict.reasons().toArray(String[]::new);
        decision.confidence = verdict.confidence();
        decision.outcome = verdict.outcome();
        decision.decidedAt = decidedAt;
        return decision;
    }

    RoutingVerdict verdict() {
        return new RoutingVerdict(outcome, Optional.ofNullable(agencyId), ruleId, List.of(reasons), confidence);
    }
}
