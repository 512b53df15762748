package org.aduan.intake.outbox;

import java.time.Instant;
import java.util.UUID;

import org.aduan.events.AduanEvent;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event written in the same transaction as the change it reports; {@link OutboxRelay} publishes it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID id;
    public String topic;
    @Column(name = "event_key")
    public String eventKey;
    @Column(name = "event_type")
    public String eventType;
    public String source;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String payload;
    @Column(name = "published_at")
    public Instant publishedAt;

    /** Adds {@code event} to the outbox of the current transaction. */
    public static OutboxEvent record(String topic, ComplaintEvent event, String source, Instant at) {
        return record(topic, (AduanEvent) event, source, at);
    }

    /** Adds any event (e.g. a {@code ChannelReplyRequested}, keyed by its reply id) to the current transaction's outbox. */
    public static OutboxEvent record(String topic, AduanEvent event, String source, Instant at) {
        EventEnvelope envelope = EventEnvelope.of(event, source, at);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(envelope.id());
        row.topic = topic;
        row.eventKey = event.key();
        row.eventType = envelope.type();
        row.source = source;
        row.occurredAt = at;
        row.payload = EventJson.write(event);
        row.persist();
        return row;
    }

    EventEnvelope envelope() {
        return new EventEnvelope(id.toString(), eventType, java.net.URI.create(source), occurredAt, eventKey);
    }
}
