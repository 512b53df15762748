package org.aduan.followup.sla;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.aduan.followup.lifecycle.CaseHistoryEntry;
import org.aduan.followup.lifecycle.CaseStatus;
import org.aduan.followup.lifecycle.ComplaintCase;

/**
 * Keeps each case's {@link SlaTimer} in step with its status: the SLA of the status the case is in,
 * counted in working days from the status's anchor. Called in the transaction that changes the status.
 */
@ApplicationScoped
public class SlaTimers {

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    EntityManager em;

    @Produces
    @Singleton
    static WorkingDayCalendar indonesianCalendar() {
        return WorkingDayCalendar.indonesia();
    }

    /**
     * The case just entered its status at {@code now}: keep the running deadline if the new status shares
     * it (acknowledging does not restart the follow-up clock), otherwise start the new status's deadline,
     * or stop timing a finished case. Escalations of a deadline that stops are resolved.
     */
    public void reschedule(ComplaintCase c, Instant now) {
        SlaTimer timer = SlaTimer.findById(c.complaintId);
        Optional<Sla> sla = c.status.sla();
        if (sla.isEmpty()) {
            if (timer != null) {
                resolveEscalations(c.complaintId, now);
                timer.delete();
            }
            return;
        }
        Sla s = sla.get();
        Instant anchor = anchor(c, s, now);
        if (timer != null && timer.clock.equals(s.clock()) && timer.anchorAt.equals(anchor)) {
            timer.status = c.status; // the same promise continues
            return;
        }
        if (timer != null) {
            resolveEscalations(c.complaintId, now);
        } else {
            timer = new SlaTimer();
            timer.complaintId = c.complaintId;
        }
        start(timer, c, s, anchor);
        timer.persist();
    }

    private void start(SlaTimer timer, ComplaintCase c, Sla s, Instant anchor) {
        timer.status = c.status;
        timer.clock = s.clock();
        timer.anchorAt = anchor;
        timer.dueAt = calendar.deadline(anchor, s.workingDays());
        timer.owner = s.owner();
        timer.ownerAgencyId = switch (s.owner()) {
            case AGENCY -> c.agencyId;
            case PLATFORM -> AgencyHierarchy.NATIONAL;
            case CITIZEN -> null;
        };
        timer.onBreach = s.onBreach();
        timer.level = 0;
        timer.nextActionAt = timer.dueAt;
    }

    private static Instant anchor(ComplaintCase c, Sla sla, Instant now) {
        return switch (sla.from()) {
            case ENTERED_STATUS -> now;
            case ASSIGNED_TO_AGENCY -> c.assignedAt != null ? c.assignedAt : now;
            case ANSWERED -> c.respondedAt != null ? c.respondedAt : now;
        };
    }

    private void resolveEscalations(String complaintId, Instant now) {
        em.createQuery("update Escalation e set e.resolvedAt = :now where e.complaintId = :id and e.resolvedAt is null")
                .setParameter("now", now)
                .setParameter("id", complaintId)
                .executeUpdate();
    }

    /**
     * Starts the timers cases are missing (cases opened before timers existed), anchored where their
     * history says the status began. Returns how many were started.
     */
    public int startMissing(int batch) {
        List<ComplaintCase> cases = em.createQuery("""
                select c from ComplaintCase c
                 where c.status in :timed
                   and not exists (select 1 from SlaTimer t where t.complaintId = c.complaintId)""",
                ComplaintCase.class)
                .setParameter("timed", Arrays.stream(CaseStatus.values()).filter(s -> s.sla().isPresent()).toList())
                .setMaxResults(batch)
                .getResultList();
        for (ComplaintCase c : cases) {
            Instant entered = CaseHistoryEntry.<CaseHistoryEntry>find("complaintId = ?1 and status = ?2 order by id desc",
                    c.complaintId, c.status).firstResultOptional().map(h -> h.at).orElse(c.updatedAt);
            if (c.assignedAt == null && c.agencyId != null) {
                c.assignedAt = c.routedAt != null ? c.routedAt : entered;
            }
            reschedule(c, entered);
        }
        return cases.size();
    }
}
