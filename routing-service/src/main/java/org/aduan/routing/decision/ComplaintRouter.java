package org.aduan.routing.decision;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.routing.delivery.EventLedger;
import org.aduan.routing.delivery.RetryPolicy;
import org.aduan.routing.outbox.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Routes each submitted complaint: the {@link RoutingEngine} decides, and the decision, the first step
 * of the referral chain, what routing read (for later transfers) and the event are written in one
 * transaction.
 */
@ApplicationScoped
public class ComplaintRouter {

    private static final Logger LOG = Logger.getLogger(ComplaintRouter.class);
    private static final String CONSUMER = "routing.submitted";

    private final RoutingEngine engine;
    private final Decisions decisions;
    private final EventLedger ledger;
    private final RetryPolicy retry;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    ComplaintRouter(RoutingEngine engine, Decisions decisions, EventLedger ledger, RetryPolicy retry, Outbox outbox,
            MeterRegistry metrics) {
        this.engine = engine;
        this.decisions = decisions;
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
        if (complaint.complaintId() == null || complaint.complaintId().isBlank() || complaint.text() == null
                || complaint.submittedAt() == null) {
            throw new MalformedEventException("ComplaintSubmitted " + envelope.id()
                    + " lacks complaintId, text or submittedAt", null);
        }
        MDC.put("complaintId", complaint.complaintId());
        try {
            // The engine is pure: decide outside the transaction, record inside it.
            RoutingInput input = RoutingInput.of(complaint);
            RoutingProposal proposal = engine.decide(input.request());
            Optional<RoutingProposal> done = retry.run(
                    () -> QuarkusTransaction.requiringNew().call(() -> route(envelope, complaint, input, proposal)));
            done.ifPresentOrElse(p -> {
                metrics.counter("aduan.routing.decisions", "outcome", p.outcome().name(), "rule", p.ruleId())
                        .increment();
                LOG.infof("complaint %s %s (rule %s, confidence %.2f)", complaint.complaintId(),
                        p.agencyId().map(a -> "routed to " + a).orElse("sent to triage"), p.ruleId(), p.confidence());
            }, () -> LOG.infof("complaint %s already routed, event %s ignored", complaint.complaintId(),
                    envelope.id()));
            outbox.wake(); // publish what this transaction wrote soon, rather than at the next poll
        } finally {
            MDC.remove("complaintId");
        }
    }

    /** The whole change of one event; empty when the event, or the complaint, was handled before. */
    private Optional<RoutingProposal> route(EventEnvelope envelope, ComplaintSubmitted complaint, RoutingInput input,
            RoutingProposal proposal) {
        if (!ledger.firstTime(envelope.id(), CONSUMER)) {
            return Optional.empty();
        }
        // The same complaint under a new event id (a producer that re-sent it) is routed once too.
        if (RoutingDecision.findById(complaint.complaintId()) != null) {
            return Optional.empty();
        }
        input.persist();
        RoutingDecision decision = new RoutingDecision();
        decision.complaintId = complaint.complaintId();
        decisions.record(decision, proposal, Instant.now(), complaint.entryAgency(), Optional.empty(), 0, "routing");
        return Optional.of(proposal);
    }
}
