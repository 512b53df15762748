package org.aduan.routing.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.aduan.events.ComplaintEvent;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;

/**
 * Where a change that must be announced writes its event: in the caller's transaction, so the change
 * and the event are committed together or not at all. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxConfig config;
    private final OutboxRelay relay;

    Outbox(OutboxConfig config, OutboxRelay relay) {
        this.config = config;
        this.relay = relay;
    }

    /** Queues {@code event} for {@code topic}, keyed by its complaint id; returns its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueue(String topic, ComplaintEvent event) {
        Instant now = Instant.now();
        EventEnvelope envelope = EventEnvelope.of(event, config.source(), now);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.eventType = envelope.type();
        row.source = envelope.source().toString();
        row.topic = topic;
        row.complaintId = event.complaintId();
        row.occurredAt = envelope.time();
        row.payload = EventJson.write(event);
        row.createdAt = now;
        row.persist();
        return envelope.id();
    }

    /** Publishes what committed transactions queued soon, rather than at the relay's next poll. */
    public void wake() {
        relay.wake();
    }
}
