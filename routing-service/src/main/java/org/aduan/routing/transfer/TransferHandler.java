package org.aduan.routing.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.routing.decision.Decisions;
import org.aduan.routing.decision.Outcome;
import org.aduan.routing.decision.Referral;
import org.aduan.routing.decision.RoutingDecision;
import org.aduan.routing.decision.RoutingEngine;
import org.aduan.routing.decision.RoutingInput;
import org.aduan.routing.decision.RoutingProposal;
import org.aduan.routing.delivery.EventLedger;
import org.aduan.routing.delivery.RetryPolicy;
import org.aduan.routing.directory.AgencyDirectory;
import org.aduan.routing.outbox.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * "Bukan wewenang": an agency declines a complaint ({@code TRANSFER_REQUESTED} on complaints.lifecycle)
 * and routing finds the next one — the agency it suggested if that one has not declined too, else the
 * engine's next choice without any agency that declined. After {@value #MAX_TRANSFERS} transfers the
 * next "not ours" sends the complaint to an operator. Every step stays in the referral chain.
 */
@ApplicationScoped
public class TransferHandler {

    /** Transfers routing does by itself; the next one goes to an operator. */
    public static final int MAX_TRANSFERS = 3;
    private static final Logger LOG = Logger.getLogger(TransferHandler.class);
    private static final String CONSUMER = "routing.lifecycle";

    private final RoutingEngine engine;
    private final Decisions decisions;
    private final AgencyDirectory directory;
    private final EventLedger ledger;
    private final RetryPolicy retry;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    TransferHandler(RoutingEngine engine, Decisions decisions, AgencyDirectory directory, EventLedger ledger,
            RetryPolicy retry, Outbox outbox, MeterRegistry metrics) {
        this.engine = engine;
        this.decisions = decisions;
        this.directory = directory;
        this.ledger = ledger;
        this.retry = retry;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Incoming("lifecycle")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        if (!ComplaintStatusChanged.TYPE.equals(envelope.type())) {
            return; // escalations and other lifecycle events: not routing's business
        }
        ComplaintStatusChanged event = EventJson.read(record.value(), ComplaintStatusChanged.class);
        if (!event.isTransferRequest()) {
            return;
        }
        if (event.complaintId() == null || event.agencyId().isEmpty() || event.changedAt() == null) {
            throw new MalformedEventException("transfer request " + envelope.id()
                    + " lacks complaintId, the declining agencyId or changedAt", null);
        }
        MDC.put("complaintId", event.complaintId());
        try {
            String result = retry.run(() -> QuarkusTransaction.requiringNew().call(() -> transfer(envelope, event)));
            metrics.counter("aduan.routing.transfers", "result", result.split(" ")[0]).increment();
            LOG.infof("transfer request %s for complaint %s: %s", envelope.id(), event.complaintId(), result);
            outbox.wake();
        } finally {
            MDC.remove("complaintId");
        }
    }

    private String transfer(EventEnvelope envelope, ComplaintStatusChanged event) {
        if (!ledger.firstTime(envelope.id(), CONSUMER)) {
            return "duplicate ignored";
        }
        String declining = event.agencyId().orElseThrow();
        RoutingDecision decision = RoutingDecision.forUpdate(event.complaintId());
        RoutingInput input = RoutingInput.findById(event.complaintId());
        if (decision == null || input == null) {
            // followup only lets an agency decline a complaint routing sent it: this is out of order
            throw new IllegalStateException("no routing decision yet for complaint " + event.complaintId());
        }
        if (decision.outcome != Outcome.ROUTED || !declining.equals(decision.agencyId)) {
            return "stale ignored: the complaint is with " + Optional.ofNullable(decision.agencyId).orElse("triage")
                    + ", not " + declining;
        }
        Referral current = Referral.current(event.complaintId()).orElseThrow();
        current.declinedAt = event.changedAt();
        current.declineReason = event.reason().orElse(null);
        current.suggestedAgency = event.suggestedAgencyId().orElse(null);
        Set<String> declined = Referral.declined(event.complaintId());
        int transfers = declined.size();
        String why = declining + " declined" + event.reason().map(r -> ": " + r).orElse("");

        RoutingProposal proposal;
        if (transfers > MAX_TRANSFERS) {
            List<String> reasons = new ArrayList<>();
            reasons.add(why);
            reasons.add("declined by " + transfers + " agencies (" + String.join(", ", declined)
                    + "): after " + MAX_TRANSFERS + " transfers an operator decides");
            proposal = new RoutingProposal(Outcome.TRIAGE, Optional.empty(), "transfer-limit", reasons, 0.0,
                    decision.category, Optional.ofNullable(decision.regionCode), List.of(), Optional.empty());
        } else {
            Optional<String> suggested = event.suggestedAgencyId().filter(s -> !declined.contains(s))
                    .filter(s -> directory.active(s).isPresent());
            if (suggested.isPresent()) {
                List<String> reasons = new ArrayList<>();
                reasons.add(why);
                reasons.add(declining + " suggested " + suggested.get());
                reasons.add("transfer " + transfers + " of at most " + MAX_TRANSFERS);
                proposal = new RoutingProposal(Outcome.ROUTED, suggested, "transfer-suggested", reasons, 0.8,
                        decision.category, Optional.ofNullable(decision.regionCode), List.of(), Optional.empty());
            } else {
                RoutingProposal next = engine.decide(input.request(), declined);
                List<String> reasons = new ArrayList<>();
                reasons.add(why);
                event.suggestedAgencyId().ifPresent(s -> reasons.add("suggested " + s + " is unknown, inactive or"
                        + " already declined"));
                reasons.add("transfer " + transfers + " of at most " + MAX_TRANSFERS);
                reasons.addAll(next.reasons());
                String rule = next.outcome() == Outcome.ROUTED ? "transfer-reroute" : "transfer-no-agency-left";
                proposal = new RoutingProposal(next.outcome(), next.agencyId(), rule, reasons,
                        next.outcome() == Outcome.ROUTED ? Math.min(next.confidence(), 0.8) : 0.0, next.category(),
                        next.regionCode(), next.alternatives(), Optional.empty());
            }
        }
        decisions.record(decision, proposal, Instant.now(), Optional.ofNullable(decision.entryAgency),
                Optional.of(declining), transfers, "routing");
        return proposal.agencyId().map(a -> "re-routed to " + a).orElse("sent to triage") + " after " + transfers
                + " transfer(s)";
    }
}
