package org.aduan.intake.submission;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A complaint as intake accepted it. */
@Entity
@Table(name = "complaint")
public class ComplaintEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tracking_code")
    public String trackingCode;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "pin_sealed")
    public String pinSealed;
    public String channel;
    @Column(name = "entry_agency")
    public String entryAgency;
    public String language;
    public String title;
    public String text;
    public String category;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "location_description")
    public String locationDescription;
    public boolean anonymous;
    public boolean confidential;
    @Column(name = "reporter_sealed")
    public String reporterSealed;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    static Optional<ComplaintEntity> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    static boolean trackingCodeTaken(String code) {
        return count("trackingCode", code) > 0;
    }
}
