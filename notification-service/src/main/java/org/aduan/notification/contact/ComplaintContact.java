package org.aduan.notification.contact;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.Channel;
import org.aduan.events.ChannelOrigin;
import org.aduan.events.identity.SealedIdentity;

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

    /** The provider the complaint came through ({@code ChannelOrigin.provider}); null for web, API and old rows. */
    public String provider;

    /** Aduan's number or account the citizen wrote to: replies leave from there. */
    @Column(name = "service_address")
    public String serviceAddress;

    /** The gateway route it came through (Kannel's SMSC id). */
    public String gateway;

    /** When the citizen last wrote on this complaint's conversation (WhatsApp's 24-hour window). */
    @Column(name = "last_inbound_at")
    public Instant lastInboundAt;

    /** The origin as it came in, if the complaint had one. */
    public Optional<ChannelOrigin> origin() {
        return provider == null ? Optional.empty()
                : Optional.of(new ChannelOrigin(provider, Optional.ofNullable(serviceAddress),
                        Optional.ofNullable(gateway), Optional.empty()));
    }

    /** The sealed reporter, when there is one to answer. */
    public Optional<SealedIdentity> recipient() {
        return recipientSealed == null ? Optional.empty()
                : Optional.of(new SealedIdentity(recipientKeyId, recipientSealed));
    }

    /** Moves the last-inbound time forward (never back: events of one contact may come out of order). */
    public void touch(Instant inboundAt) {
        if (inboundAt != null && (lastInboundAt == null || inboundAt.isAfter(lastInboundAt))) {
            lastInboundAt = inboundAt;
        }
    }
}
