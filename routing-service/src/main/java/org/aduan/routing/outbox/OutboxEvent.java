package org.aduan.routing.outbox;

import java.net.URI;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.aduan.events.EventEnvelope;

/** One event waiting in (or already sent from) the outbox, with the CloudEvents envelope it goes out in. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String topic;

    @Column(name = "complaint_id", nullable = false)
    public String complaintId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The envelope as stored, so a republished row carries the same {@code ce_id} as the first time. */
    EventEnvelope envelope() {
        return new EventEnvelope(eventId, eventType, URI.create(source), occurredAt, complaintId);
    }
}
