package org.aduan.followup.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.events.ComplaintEvent;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;

/**
 * Writes events into the outbox table in the caller's transaction: the event exists exactly when
 * the change that caused it was committed.
 */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "/aduan/followup-service";

    public void add(String topic, ComplaintEvent event) {
        Instant now = Instant.now();
        EventEnvelope envelope = EventEnvelope.of(event, SOURCE, now);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = topic;
        row.eventKey = event.complaintId();
        row.eventType = envelope.type();
        row.source = envelope.source().toString();
        row.occurredAt = envelope.time();
        row.payload = EventJson.write(event);
        row.createdAt = now;
        row.persist();
    }
}
