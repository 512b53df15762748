package org.aduan.stats.projection;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.stats.delivery.EventLedger;
import org.aduan.stats.delivery.RetryPolicy;
import org.aduan.stats.projection.AnonymousFacts.RoutingResult;
import org.aduan.stats.projection.AnonymousFacts.StatusChange;
import org.aduan.stats.projection.AnonymousFacts.Submission;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Projects every complaint topic onto {@code complaint_fact}. Each event is reduced to its
 * {@link AnonymousFacts} before anything touches the database, and counted once: the ledger insert and
 * the upsert share one transaction.
 */
@ApplicationScoped
public class ComplaintProjection {

    private static final Logger LOG = Logger.getLogger(ComplaintProjection.class);

    private final ComplaintFacts facts;
    private final EventLedger ledger;
    private final RetryPolicy retry;

    ComplaintProjection(ComplaintFacts facts, EventLedger ledger, RetryPolicy retry) {
        this.facts = facts;
        this.ledger = ledger;
        this.retry = retry;
    }

    @Incoming("submitted")
    @Blocking
    public void onSubmitted(ConsumerRecord<String, String> record) {
        project(record, "stats.submitted", ComplaintSubmitted.TYPE, ComplaintSubmitted.class,
                event -> {
                    Submission submission = Submission.of(event);
                    return () -> facts.record(submission);
                });
    }

    @Incoming("routed")
    @Blocking
    public void onRouted(ConsumerRecord<String, String> record) {
        project(record, "stats.routed", ComplaintRouted.TYPE, ComplaintRouted.class,
                event -> {
                    RoutingResult result = RoutingResult.of(event);
                    return () -> facts.record(result);
                });
    }

    @Incoming("triage")
    @Blocking
    public void onTriage(ConsumerRecord<String, String> record) {
        project(record, "stats.triage", ComplaintNeedsTriage.TYPE, ComplaintNeedsTriage.class,
                event -> {
                    RoutingResult result = RoutingResult.of(event);
                    return () -> facts.record(result);
                });
    }

    @Incoming("lifecycle")
    @Blocking
    public void onLifecycle(ConsumerRecord<String, String> record) {
        project(record, "stats.lifecycle", ComplaintStatusChanged.TYPE, ComplaintStatusChanged.class,
                event -> {
                    StatusChange change = StatusChange.of(event);
                    return () -> facts.record(change);
                });
    }

    /**
     * Reads one record and applies its change once. {@code toChange} reduces the event to anonymous
     * facts outside the transaction, so a malformed event fails at once and is never retried.
     */
    private <E extends ComplaintEvent> void project(ConsumerRecord<String, String> record, String consumer,
            String type, Class<E> eventClass, Function<E, Runnable> toChange) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        if (!type.equals(envelope.type())) {
            return; // other types on the topic: not ours
        }
        E event = EventJson.read(record.value(), eventClass);
        Runnable change = toChange.apply(event);
        MDC.put("complaintId", event.complaintId());
        try {
            boolean counted = retry.run(() -> QuarkusTransaction.requiringNew().call(() -> {
                if (!ledger.firstTime(envelope.id(), consumer)) {
                    return false;
                }
                change.run();
                return true;
            }));
            LOG.infof("complaint %s: %s %s", event.complaintId(), type,
                    counted ? "counted" : "already counted, event " + envelope.id() + " ignored");
        } finally {
            MDC.remove("complaintId");
        }
    }
}
