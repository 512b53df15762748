package org.aduan.followup.lifecycle;

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

/**
 * One entry of a case's audit trail: an action, who took it, when, from which status to which, and
 * why. Status changes and the actions that keep the status (notes, assignments, documents, the
 * citizen's additions) alike; {@link #visibility} says who may read it.
 */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id")
    public String complaintId;

    @Enumerated(EnumType.STRING)
    public CaseAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CaseStatus fromStatus;

    /** The status after the action (unchanged for actions that keep it). */
    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public Instant at;

    /** As on the lifecycle topic: {@code system}, an agency id, {@code citizen}, {@code operator}, {@code admin}. */
    public String actor;

    /** The person or client behind an agency, operator or admin action; never shown to the public. */
    @Column(name = "actor_user")
    public String actorUser;

    /** A short audit note in English, e.g. "routed to pemda-32.73". */
    public String note;

    /** Why: a transfer, a rejection, a reopening, an appeal. */
    public String reason;

    /** Free text of the action: the public answer, an internal note, the citizen's added information. */
    public String body;

    /** The citizen's rating given by this action. */
    public Integer rating;

    @Enumerated(EnumType.STRING)
    public CaseAction.Visibility visibility;

    /** The case's history in the order it happened. */
    public static List<CaseHistoryEntry> of(String complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }
}
