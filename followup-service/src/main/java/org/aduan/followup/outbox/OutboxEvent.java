package org.aduan.followup.outbox;

import java.net.URI;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.EventEnvelope;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event written in the transaction that caused it, waiting for {@link OutboxRelay} to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvents id: a row published twice (relay crash before marking) keeps its id. */
    @Column(name = "event_id")
    public String eventId;

    public String topic;

    @Column(name = "event_key")
    public String eventKey;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    EventEnvelope envelope() {
        return new EventEnvelope(eventId, eventType, URI.create(source), occurredAt, eventKey);
    }
}
