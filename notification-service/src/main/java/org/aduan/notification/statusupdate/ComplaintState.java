package org.aduan.notification.statusupdate;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
