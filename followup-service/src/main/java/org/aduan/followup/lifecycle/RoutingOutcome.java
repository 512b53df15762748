package org.aduan.followup.lifecycle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * routing-service's newest decision for a complaint. Kept apart from the case because the routed/triage
 * topics are not ordered with complaints.submitted: the decision may arrive before the case exists.
 */
@Entity
@Table(name = "routing_outcome")
public class RoutingOutcome extends PanacheEntityBase {

    /** What routing decided: an agency, or the operators' triage queue. */
    public enum Kind {
        ROUTED(CaseAction.ROUTE), TRIAGE(CaseAction.TRIAGE);

        final CaseAction action;

        Kind(CaseAction action) {
            this.action = action;
        }
    }

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Enumerated(EnumType.STRING)
    public Kind outcome;

    @Column(name = "agency_id")
    public String agencyId;

    /** The agency's name as routing's directory had it (absent for older decisions). */
    @Embedded
    public StoredAgencyName agencyName;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** routing's evidence, joined; carried as the lifecycle event's reason for triage. */
    public String reasons;

    @Column(name = "event_id")
    public String eventId;

    /** The rule that decided, e.g. {@code operator} when an operator resolved the triage item. */
    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "previous_agency_id")
    public String previousAgencyId;

    @Column(name = "transfer_count")
    public int transferCount;
}
