package org.aduan.notification.ledger;

import static org.aduan.notification.ledger.Retries.retrying;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.AduanEvent;
import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The shape every consumer shares: read the envelope, skip other types, parse and validate (never
 * retried), then apply the change with its ledger entry in one transaction, retried on transient
 * failures. An exception that leaves here sends the record to the channel's DLQ.
 */
@ApplicationScoped
public class EventHandler {

    private static final Logger LOG = Logger.getLogger(EventHandler.class);

    @Inject
    EventLedger ledger;

    /** A change caused by one event; returns what happened, for the log line. */
    @FunctionalInterface
    public interface Change<E> {
        String apply(E event);
    }

    /** Throws {@link EventJson.MalformedEventException} for an event that can never be applied. */
    @FunctionalInterface
    public interface Validation<E> {
        void check(E event);
    }

    public <E extends AduanEvent> void handle(ConsumerRecord<String, String> record, String consumer,
            String type, Class<E> eventClass, Validation<E> validation, Change<E> change) {
        MDC.put("complaintId", Objects.toString(record.key(), ""));
        try {
            EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
            if (!type.equals(envelope.type())) {
                return; // other types on the topic: not ours
            }
            E event = EventJson.read(record.value(), eventClass);
            validation.check(event);
            MDC.put("complaintId", logKey(event));
            String result = retrying(() -> QuarkusTransaction.requiringNew().call(() -> {
                if (!ledger.firstTime(envelope.id(), consumer)) {
                    return "duplicate event ignored";
                }
                return change.apply(event);
            }));
            LOG.infof("%s %s handled: %s", type, envelope.id(), result);
        } finally {
            MDC.remove("complaintId");
        }
    }

    /** The complaint an event is about, for the log line; a reply about no complaint is logged by its id. */
    private static String logKey(AduanEvent event) {
        if (event instanceof ComplaintEvent complaint) {
            return complaint.complaintId();
        }
        if (event instanceof ChannelReplyRequested reply) {
            return reply.complaintId().orElse("reply " + reply.replyId());
        }
        return Objects.toString(event.key(), "");
    }

    /** JSON that parses but lacks a required field can never be applied: it belongs in the DLQ. */
    public static void requireFields(Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new EventJson.MalformedEventException("event lacks a required field", null);
            }
        }
    }
}
