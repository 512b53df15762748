package org.aduan.notification.contact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.AgencyName;
import org.aduan.notification.statusupdate.StoredAgencyName;

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

    /** The agency's name, when the status change carried it. */
    @Embedded
    public StoredAgencyName agencyName;

    public Optional<AgencyName> agencyName() {
        return StoredAgencyName.read(agencyName);
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
