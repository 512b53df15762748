package org.aduan.followup.cases;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status a case entered: the audit trail the citizen and the agency both see. */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id")
    public String complaintId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public Instant at;
    public String actor;
    public String note;

    /** The case's history in the order it happened. */
    public static List<CaseHistoryEntry> of(String complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }
}
