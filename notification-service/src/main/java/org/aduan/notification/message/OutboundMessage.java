package org.aduan.notification.message;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.Channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message to a citizen, on the channel they used, in their language, and where its delivery stands. */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What makes a redelivered event record nothing twice: {@code ack:<complaint>}, {@code reply:<replyId>}, … */
    @Column(name = "dedup_key")
    public String dedupKey;

    /** The complaint it is about; null for replies about no complaint (help, rate limit). */
    @Column(name = "complaint_id")
    public String complaintId;

    /** The {@code ChannelReplyRequested} it answers, if it is a reply. */
    @Column(name = "reply_id")
    public String replyId;

    @Enumerated(EnumType.STRING)
    public MessageKind kind;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String language;

    /** Sealed as intake sealed it; opened only by the delivery worker, at the moment of sending. */
    @Column(name = "recipient_key_id")
    public String recipientKeyId;

    @Column(name = "recipient_sealed")
    public String recipientSealed;

    /** {@code kannel}, {@code twilio}, {@code whatsapp}, {@code telegram}, {@code x}; null when on screen only. */
    public String provider;

    @Column(name = "service_address")
    public String serviceAddress;

    public String gateway;

    /** For a reply: when the message it answers came in. */
    @Column(name = "inbound_at")
    public Instant inboundAt;

    public String body;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    /** Attempts made so far. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** Why it is FAILED or UNDELIVERABLE, e.g. {@code channel-not-configured}; never personal data. */
    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<OutboundMessage> forComplaint(String complaintId) {
        return list("complaintId = ?1 order by createdAt, id", complaintId);
    }

    public static List<OutboundMessage> forReply(String replyId) {
        return list("replyId = ?1 order by createdAt, id", replyId);
    }
}
