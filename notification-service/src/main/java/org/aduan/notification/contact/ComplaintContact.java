package org.aduan.notification.contact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.Channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How to answer a complaint's reporter, taken from its ComplaintSubmitted: the lifecycle events that
 * trigger later messages carry neither tracking code nor language nor recipient.
 */
@Entity
@Table(name = "complaint_contact")
public class ComplaintContact extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "tracking_code")
    public String trackingCode;

    /** The language the reporter is answered in (a supported one). */
    public String language;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "recipient_key_id")
    public String recipientKeyId;

    @Column(name = "recipient_sealed")
    public String recipientSealed;

    @Column(name = "created_at")
    public Instant createdAt;
}
