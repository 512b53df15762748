package org.aduan.followup.sla;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.followup.lifecycle.CaseStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One escalation of a missed deadline: which level, to whom, and until when it stood. */
@Entity
@Table(name = "case_escalation")
public class Escalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id")
    public String complaintId;

    public int level;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    /** The agency that missed the deadline. */
    @Column(name = "agency_id")
    public String agencyId;

    /** The agency above it now told; none above the national coordinator. */
    @Column(name = "escalated_to")
    public String escalatedTo;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** When the case left the status that breached. */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public static List<Escalation> of(String complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }
}
