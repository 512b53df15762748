package org.aduan.notification.statusupdate;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.AgencyName;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest status notification knows for a complaint: what a STATUS / CEK enquiry is answered with. */
@Entity
@Table(name = "complaint_state")
public class ComplaintState extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    public String status;

    /** The agency now responsible, or the last one named (a status change may name none). */
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
}
