package org.aduan.followup.cases;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    @Column(name = "routed_at")
    public Instant routedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ComplaintCase> byTrackingCode(String trackingCode) {
        return find("trackingCode", trackingCode).firstResultOptional();
    }

    public Optional<SealedIdentity> sealedReporter() {
        return reporterKeyId == null || reporterCiphertext == null
                ? Optional.empty()
                : Optional.of(new SealedIdentity(reporterKeyId, reporterCiphertext));
    }
}
