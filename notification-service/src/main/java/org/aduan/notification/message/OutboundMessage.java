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

/** A message to a complaint's reporter, on the channel they used, in their language. */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id")
    public String complaintId;

    @Enumerated(EnumType.STRING)
    public MessageKind kind;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String language;

    /** Sealed as intake sealed it; null when there is nobody to send to (shown on screen only). */
    @Column(name = "recipient_key_id")
    public String recipientKeyId;

    @Column(name = "recipient_sealed")
    public String recipientSealed;

    public String body;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<OutboundMessage> forComplaint(String complaintId) {
        return list("complaintId = ?1 order by createdAt, id", complaintId);
    }
}
