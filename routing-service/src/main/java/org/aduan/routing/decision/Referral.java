package org.aduan.routing.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a complaint's referral chain: a decision, and whether the agency declined it. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public String complaintId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] reasons;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "declined_at")
    public Instant declinedAt;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "suggested_agency")
    public String suggestedAgency;

    public static List<Referral> chain(String complaintId) {
        return list("complaintId = ?1 order by seq", complaintId);
    }

    /** Agencies that said "not ours" for this complaint. */
    public static Set<String> declined(String complaintId) {
        return chain(complaintId).stream().filter(r -> r.declinedAt != null && r.agencyId != null)
                .map(r -> r.agencyId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public static Referral record(String complaintId, RoutingProposal proposal, Instant at, String decidedBy) {
        Referral referral = new Referral();
        referral.complaintId = complaintId;
        referral.seq = (int) count("complaintId", complaintId) + 1;
        referral.outcome = proposal.outcome();
        referral.agencyId = proposal.agencyId().orElse(null);
        referral.ruleId = proposal.ruleId();
        referral.reasons = proposal.reasons().toArray(String[]::new);
        referral.confidence = proposal.confidence();
        referral.decidedAt = at;
        referral.decidedBy = decidedBy;
        referral.persist();
        return referral;
    }

    /** The step that is current: the last one. */
    public static java.util.Optional<Referral> current(String complaintId) {
        return find("complaintId = ?1 order by seq desc", complaintId).firstResultOptional();
    }
}
