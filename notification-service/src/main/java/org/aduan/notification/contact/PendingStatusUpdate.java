package org.aduan.notification.contact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A status change consumed before the complaint's submitted event (the topics are not ordered with
 * each other). Kept until the contact exists, then turned into a message: nothing is dropped.
 * One row per change: a complaint routed, transferred and routed again before it arrives keeps both.
 */
@Entity
@Table(name = "pending_status_update")
public class PendingStatusUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id")
    public String complaintId;

    public String status;

    @Column(name = "agency_id")
    public String agencyId;

    /** The agency's name in Indonesian, when the status change carried it. */
    @Column(name = "agency_name_id")
    public String agencyNameId;

    /** The agency's name in English. */
    @Column(name = "agency_name_en")
    public String agencyNameEn;

    /** The agency's name, when known. */
    public java.util.Optional<org.aduan.events.AgencyName> agencyName() {
        return agencyNameId == null || agencyNameEn == null ? java.util.Optional.empty()
                : java.util.Optional.of(new org.aduan.events.AgencyName(agencyNameId, agencyNameEn));
    }

    @Column(name = "changed_at")
    public Instant changedAt;

    public static List<PendingStatusUpdate> forComplaint(String complaintId) {
        return list("complaintId = ?1 order by changedAt, id", complaintId);
    }

    public static boolean exists(String complaintId, String status) {
        return count("complaintId = ?1 and status = ?2", complaintId, status) > 0;
    }

    /** Whether this very change is already kept (a redelivery); a complaint may be routed twice. */
    public static boolean exists(String complaintId, String status, Instant changedAt) {
        return count("complaintId = ?1 and status = ?2 and changedAt = ?3", complaintId, status,
                changedAt.truncatedTo(ChronoUnit.MICROS)) > 0;
    }
}
