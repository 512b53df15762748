package org.aduan.followup.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * routing-service's decision for a complaint. Kept apart from the case because the routed/triage
 * topics are not ordered with complaints.submitted: the decision may arrive before the case exists.
 */
@Entity
@Table(name = "routing_outcome")
public class RoutingOutcome extends PanacheEntityBase {

    /** What routing decided: an agency, or the operators' triage queue. */
    public enum Kind {
        ROUTED(CaseStatus.ROUTED), TRIAGE(CaseStatus.TRIAGE);

        final CaseStatus leadsTo;

        Kind(CaseStatus leadsTo) {
            this.leadsTo = leadsTo;
        }
    }

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Enumerated(EnumType.STRING)
    public Kind outcome;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** routing's evidence, joined; carried as the lifecycle event's reason for triage. */
    public String reasons;

    @Column(name = "event_id")
    public String eventId;
}
