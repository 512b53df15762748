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
    /** SMS/chat only: keyed hash of channel + sender address (see {@code SenderKeys}). */
    @Column(name = "sender_key")
    public String senderKey;
    @Column(name = "origin_provider")
    public String originProvider;
    /** SMS/chat only: when the sender's last message created or added to this complaint. */
    @Column(name = "last_message_at")
    public Instant lastMessageAt;
    @Column(name = "point_latitude")
    public Double pointLatitude;
    @Column(name = "point_longitude")
    public Double pointLongitude;

    static Optional<ComplaintEntity> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /**
     * A fresh random tracking code. Uniqueness is the {@code tracking_code} constraint's job: with 30^8
     * codes a collision is rare (about one in 65,000 inserts once there are ten million complaints), so
     * the insert simply fails and the caller retries with a new code ({@link TrackingCodes#collided}),
     * rather than every insert paying for a lookup first.
     */
    public static String newTrackingCode() {
        return TrackingCodes.newCode();
    }

    /** A PIN nobody is told: SMS and chat complaints are followed with STATUS from the same sender instead. */
    public static String unusedPin() {
        return TrackingCodes.newPin();
    }
}
