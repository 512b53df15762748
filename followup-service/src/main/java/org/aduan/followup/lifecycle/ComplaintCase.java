package org.aduan.followup.lifecycle;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.AgencyName;
import org.aduan.events.Channel;
import org.aduan.events.identity.SealedIdentity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One complaint as followup-service follows it: what was reported, where it stands, who must act. */
@Entity
@Table(name = "complaint_case")
public class ComplaintCase extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(name = "pin_hash")
    public String pinHash;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String language;
    public String title;
    public String text;
    public String category;

    @Column(name = "region_code")
    public String regionCode;

    /** A point the citizen chose to share (WGS 84), with the complaint or in a later message. */
    public Double latitude;
    public Double longitude;

    public boolean anonymous;
    public boolean confidential;

    @Column(name = "reporter_key_id")
    public String reporterKeyId;

    @Column(name = "reporter_ciphertext")
    public String reporterCiphertext;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "agency_id")
    public String agencyId;

    /** The agency's name as routing's directory had it (absent for older decisions). */
    @Embedded
    public StoredAgencyName agencyName;

    /** The agency's name, if routing sent one: for citizens and the public. */
    public Optional<AgencyName> agencyName() {
        return StoredAgencyName.read(agencyName);
    }

    /** When routing-service decided the current assignment (its clock). */
    @Column(name = "routed_at")
    public Instant routedAt;

    /** The routing decision applied last; older ones arriving late are ignored. */
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** When followup assigned the case to its current agency (service clock): the follow-up SLA's start. */
    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** When the agency last answered: the start of the citizen's 10 working days. */
    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "assigned_officer")
    public String assignedOfficer;

    /** The citizen's rating of the latest answer, 1 to 5. */
    public Integer rating;

    @Column(name = "transfer_count")
    public int transferCount;

    /** The reason of a pending "bukan wewenang", told in the history when the transfer happens. */
    @Column(name = "transfer_reason")
    public String transferReason;

    @Column(name = "previous_agency_id")
    public String previousAgencyId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ComplaintCase> byTrackingCode(String trackingCode) {
        return find("trackingCode", trackingCode).firstResultOptional();
    }

    /** The case if it is assigned to {@code agencyId}; a case of another agency does not exist for it. */
    public static Optional<ComplaintCase> ofAgency(String complaintId, String agencyId) {
        return find("complaintId = ?1 and agencyId = ?2", complaintId, agencyId).firstResultOptional();
    }

    public Optional<SealedIdentity> sealedReporter() {
        return reporterKeyId == null || reporterCiphertext == null
                ? Optional.empty()
                : Optional.of(new SealedIdentity(reporterKeyId, reporterCiphertext));
    }
}
