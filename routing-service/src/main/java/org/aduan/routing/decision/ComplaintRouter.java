package org.aduan.routing.decision;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.events.Topics;
import org.aduan.routing.delivery.EventLedger;
import org.aduan.routing.delivery.RetryPolicy;
import org.aduan.routing.outbox.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Routes each submitted complaint: decides with {@link RoutingRules}, records the decision and queues
 * {@link ComplaintRouted} or {@link ComplaintNeedsTriage} in the outbox, all in one transaction.
 */
@ApplicationScoped
public class ComplaintRouter {

    private static final Logger LOG = Logger.getLogger(ComplaintRouter.class);
    private static final String CONSUMER = "routing.submitted";

    private final RoutingRules rules;
    private final EventLedger ledger;
    private final RetryPolicy retry;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    ComplaintRouter(RoutingRules rules, EventLedger ledger, RetryPolicy retry, Outbox outbox, MeterRegistry metrics) {
        this.rules = rules;
        this.ledger = ledger;
        this.retry = retry;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Incoming("submitted")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        if (!ComplaintSubmitted.TYPE.equals(envelope.type())) {
            return; // other types on the topic: not ours
        }
        ComplaintSubmitted complaint = EventJson.read(record.value(), ComplaintSubmitted.class);
        if (complaint.complaintId() == null || complaint.complaintId().isBlank()) {
            throw new MalformedEventException("ComplaintSubmitted " + envelope.id() + " has no complaintId", null);
        }
        MDC.put("complaintId", complaint.complaintId());
        try {
            Optional<RoutingVerdict> verdict = retry.run(
                    () -> QuarkusTransaction.requiringNew().call(() -> route(envelope, complaint)));
            verdict.ifPresentOrElse(v -> {
                metrics.counter("aduan.routing.decisions", "outcome", v.outcome().name(), "rule", v.ruleId())
                        .increment();
                LOG.infof("complaint %s %s", complaint.complaintId(), v.agencyId()
                        .map(agency -> "routed to " + agency + " by rule " + v.ruleId())
                        .orElse("sent to triage by rule " + v.ruleId()));
            }, () -> LOG.infof("complaint %s already routed, event %s ignored", complaint.complaintId(),
                    envelope.id()));
            outbox.wake(); // publish what this transaction wrote soon, rather than at the next poll
        } finally {
            MDC.remove("complaintId");
        }
    }

    /** The whole change of one event; empty when the event, or the complaint, was handled before. */
    private Optional<RoutingVerdict> route(EventEnvelope envelope, ComplaintSubmitted complaint) {
        if (!ledger.firstTime(envelope.id(), CONSUMER)) {
            return Optional.empty();
        }
        // The same complaint under a new event id (a producer that re-sent it) is routed once too.
        if (RoutingDecision.findById(complaint.complaintId()) != null) {
            return Optional.empty();
        }
        RoutingVerdict verdict = rules.decide(complaint.location());
        Instant now = Instant.now();
        RoutingDecision.of(complaint.complaintId(), verdict, now).persist();
        if (verdict.outcome() == Outcome.ROUTED) {
            outbox.enqueue(Topics.ROUTED, new ComplaintRouted(complaint.complaintId(), verdict.agencyId().orElseThrow(),
                    now, verdict.ruleId(), verdict.reasons(), verdict.confidence(), complaint.entryAgency()));
        } else {
            outbox.enqueue(Topics.TRIAGE, new ComplaintNeedsTriage(complaint.complaintId(), now, verdict.reasons()));
        }
        return Optional.of(verdict);
    }
}
