package org.aduan.followup.lifecycle;

import static org.aduan.followup.ledger.Retries.retrying;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.followup.ledger.EventLedger;
import org.aduan.followup.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Feeds the case lifecycle from complaints.submitted (complaints, and later messages that add to them),
 * complaints.routed and complaints.triage (a first decision, a transfer after "bukan wewenang", an
 * operator's choice from the triage queue).
 * Each event is applied with its ledger entry in one transaction, retried on transient failures, and
 * dead-lettered when it cannot be applied.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);
    private static final String CONSUMER = "followup-case";

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    EventLedger ledger;

    @Inject
    OutboxRelay relay;

    /**
     * complaints.submitted carries complaints and the later messages that add to them (keyed by complaint
     * id, so a complaint's messages follow it; one that does not is kept until its complaint comes).
     */
    @Incoming("submitted")
    @Blocking
    public void onSubmitted(ConsumerRecord<String, String> record) {
        handle(record, ComplaintSubmitted.TYPE, ComplaintSubmitted.class,
                event -> requireFields(event.complaintId(), event.trackingCode(), event.pinHash(),
                        event.submittedAt(), event.channel(), event.language(), event.text()),
                (event, eventId) -> lifecycle.open(event, eventId));
        handle(record, ComplaintSupplemented.TYPE, ComplaintSupplemented.class,
                event -> requireFields(event.complaintId(), event.supplementedAt(), event.channel()),
                (event, eventId) -> lifecycle.supplement(event, eventId));
    }

    @Incoming("routed")
    @Blocking
    public void onRouted(ConsumerRecord<String, String> record) {
        handle(record, ComplaintRouted.TYPE, ComplaintRouted.class,
                event -> requireFields(event.complaintId(), event.agencyId(), event.routedAt()),
                (event, eventId) -> lifecycle.decide(event.complaintId(), RoutingOutcome.Kind.ROUTED,
                        Optional.of(event.agencyId()), event.routedAt(), event.reasons(), eventId, event.ruleId(),
                        event.previousAgencyId(), event.transferCount(), event.agencyName()));
    }

    @Incoming("triage")
    @Blocking
    public void onTriage(ConsumerRecord<String, String> record) {
        handle(record, ComplaintNeedsTriage.TYPE, ComplaintNeedsTriage.class,
                event -> requireFields(event.complaintId(), event.triagedAt()),
                (event, eventId) -> lifecycle.decide(event.complaintId(), RoutingOutcome.Kind.TRIAGE,
                        Optional.empty(), event.triagedAt(), event.reasons(), eventId, "triage",
                        event.previousAgencyId(), event.transferCount(), Optional.empty()));
    }

    /** A change to the database caused by one event; returns what happened, for the log line. */
    @FunctionalInterface
    interface Change<E> {
        String apply(E event, String eventId);
    }

    /** A check that throws {@link MalformedEventException} for an event that can never be applied. */
    @FunctionalInterface
    interface Validation<E> {
        void check(E event);
    }

    /**
     * The shape of every handler: envelope, type filter, parse and validate (never retried), then
     * ledger + change in one transaction, retried; then publish what the transaction wrote.
     */
    private <E extends ComplaintEvent> void handle(ConsumerRecord<String, String> record, String type,
            Class<E> eventClass, Validation<E> validation, Change<E> change) {
        MDC.put("complaintId", Objects.toString(record.key(), ""));
        try {
            EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
            if (!type.equals(envelope.type())) {
                return; // other types on the topic: not ours
            }
            E event = EventJson.read(record.value(), eventClass);
            validation.check(event);
            MDC.put("complaintId", event.complaintId());
            String result = retrying(() -> QuarkusTransaction.requiringNew().call(() -> {
                if (!ledger.firstTime(envelope.id(), CONSUMER)) {
                    return "duplicate event ignored";
                }
                return change.apply(event, envelope.id());
            }));
            relay.wake();
            LOG.infof("%s %s handled: %s", type, envelope.id(), result);
        } finally {
            MDC.remove("complaintId");
        }
    }

    /** JSON that parses but lacks a required field can never be applied: it belongs in the DLQ. */
    private static void requireFields(Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new MalformedEventException("event lacks a required field", null);
            }
        }
    }
}
