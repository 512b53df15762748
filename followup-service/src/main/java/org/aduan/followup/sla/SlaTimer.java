package org.aduan.followup.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.followup.lifecycle.CaseStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The running SLA deadline of one case, as a row: {@link SlaSweeper} finds the ones whose next action
 * is due, so a restart of the service loses no timer.
 */
@Entity
@Table(name = "sla_timer")
public class SlaTimer extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    /** The status the deadline was set in. */
    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    /** The SLA's clock name ({@link Sla#clock()}). */
    public String clock;

    @Column(name = "anchor_at")
    public Instant anchorAt;

    /** The promise: when the owner must have acted. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public Sla.Owner owner;

    /** The agency charged with the deadline ({@value AgencyHierarchy#NATIONAL} for the platform's own). */
    @Column(name = "owner_agency_id")
    public String ownerAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_breach")
    public Sla.Breach onBreach;

    /** Escalations raised so far for this deadline. */
    public int level;

    /** When the sweeper acts next: the breach, then each further level; none when nothing is left. */
    @Column(name = "next_action_at")
    public Instant nextActionAt;

    public boolean isOverdue(Instant now) {
        return onBreach == Sla.Breach.ESCALATE && !dueAt.isAfter(now);
    }
}
