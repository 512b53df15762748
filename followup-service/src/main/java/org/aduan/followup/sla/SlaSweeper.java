package org.aduan.followup.sla;

import static org.aduan.followup.ledger.Retries.retrying;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.events.ComplaintEscalated;
import org.aduan.events.Topics;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.lifecycle.ActionDetails;
import org.aduan.followup.lifecycle.Actor;
import org.aduan.followup.lifecycle.CaseAction;
import org.aduan.followup.lifecycle.CaseLifecycle;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.outbox.Outbox;
import org.aduan.followup.outbox.OutboxRelay;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Acts on SLA deadlines that passed: escalates to the next agency up (and again, one SLA later, to the
 * next, up to the national coordinator), or closes a case the citizen did not answer. Timers are rows
 * ({@link SlaTimer}), swept on a schedule against the {@link ServiceClock}; each case is handled in its
 * own transaction under the case's lock, so several replicas never act on one deadline twice.
 */
@ApplicationScoped
public class SlaSweeper {

    private static final Logger LOG = Logger.getLogger(SlaSweeper.class);
    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    ServiceClock clock;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    SlaTimers timers;

    void onStart(@Observes StartupEvent start) {
        int started;
        do {
            started = QuarkusTransaction.requiringNew().call(() -> timers.startMissing(BATCH));
            if (started > 0) {
                LOG.infof("started %d SLA timers for cases that had none", started);
            }
        } while (started == BATCH);
    }

    @Scheduled(every = "${aduan.sla.sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepOnSchedule() {
        sweep();
    }

    /** Handles every deadline due by now; returns how many cases it acted on. */
    public int sweep() {
        int acted = 0;
        List<String> due;
        do {
            Instant now = clock.now();
            due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                    select t.complaintId from SlaTimer t
                     where t.nextActionAt <= :now order by t.nextActionAt, t.complaintId""", String.class)
                    .setParameter("now", now)
                    .setMaxResults(BATCH)
                    .getResultList());
            for (String complaintId : due) {
                MDC.put("complaintId", complaintId);
                try {
                    String result = retrying(() -> QuarkusTransaction.requiringNew().call(() -> act(complaintId, now)));
                    if (result != null) {
                        acted++;
                        LOG.infof("SLA deadline of complaint %s: %s", complaintId, result);
                    }
                } catch (RuntimeException e) {
                    // the timer stays due: the next sweep tries again
                    LOG.errorf(e, "SLA deadline of complaint %s could not be handled", complaintId);
                } finally {
                    MDC.remove("complaintId");
                }
            }
            relay.wake();
        } while (due.size() == BATCH);
        return acted;
    }

    private String act(String complaintId, Instant now) {
        lifecycle.lock(complaintId);
        SlaTimer timer = SlaTimer.findById(complaintId);
        if (timer == null || timer.nextActionAt == null || timer.nextActionAt.isAfter(now)) {
            return null; // handled meanwhile, by another replica or a status change
        }
        ComplaintCase c = ComplaintCase.findById(complaintId);
        return switch (timer.onBreach) {
            case AUTO_CLOSE -> {
                lifecycle.take(c, CaseAction.AUTO_CLOSE, Actor.SYSTEM, ActionDetails.reason(
                        "no reply from the citizen within " + c.status.sla().orElseThrow().workingDays()
                                + " working days of the answer"));
                yield "closed without a reply from the citizen";
            }
            case ESCALATE -> escalate(c, timer, now);
        };
    }

    private String escalate(ComplaintCase c, SlaTimer timer, Instant now) {
        int level = timer.level + 1;
        String charged = timer.ownerAgencyId != null ? timer.ownerAgencyId : AgencyHierarchy.NATIONAL;
        List<String> above = AgencyHierarchy.ancestors(charged);
        Optional<String> escalatedTo = level <= above.size() ? Optional.of(above.get(level - 1)) : Optional.empty();

        Escalation escalation = new Escalation();
        escalation.complaintId = c.complaintId;
        escalation.level = level;
        escalation.status = timer.status;
        escalation.agencyId = charged;
        escalation.escalatedTo = escalatedTo.orElse(null);
        escalation.dueAt = timer.dueAt;
        escalation.escalatedAt = now;
        escalation.persist();
        outbox.add(Topics.LIFECYCLE, new ComplaintEscalated(c.complaintId, now, charged, escalatedTo,
                timer.status.name(), timer.dueAt, level));

        timer.level = level;
        // one more SLA for the next agency up, while there is one
        timer.nextActionAt = level < above.size()
                ? calendar.deadline(timer.nextActionAt, c.status.sla().orElseThrow().workingDays())
                : null;
        return "escalated (level " + level + ") to " + escalatedTo.orElse("the operators");
    }
}
