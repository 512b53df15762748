package org.aduan.stats.projection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.aduan.stats.projection.AnonymousFacts.RoutingResult;
import org.aduan.stats.projection.AnonymousFacts.StatusChange;
import org.aduan.stats.projection.AnonymousFacts.Submission;

/**
 * Upserts into {@code complaint_fact}, keyed by complaint id. The topics are not ordered with respect to
 * each other, so any event may create the row and each one fills in only the columns it owns.
 */
@ApplicationScoped
class ComplaintFacts {

    private final EntityManager em;

    ComplaintFacts(EntityManager em) {
        this.em = em;
    }

    /** Category, province, channel; status {@code RECEIVED} unless a lifecycle event already set one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(Submission submission) {
        em.createNativeQuery("""
                        insert into complaint_fact (complaint_id, category, province_code, channel, submitted_at,
                                                    status, status_changed_at, updated_at)
                        values (:complaintId, :category, :provinceCode, :channel, :submittedAt,
                                'RECEIVED', :submittedAt, :now)
                        on conflict (complaint_id) do update set
                            category = excluded.category,
                            province_code = excluded.province_code,
                            channel = excluded.channel,
                            submitted_at = excluded.submitted_at,
                            status = coalesce(complaint_fact.status, excluded.status),
                            status_changed_at = coalesce(complaint_fact.status_changed_at, excluded.status_changed_at),
                            updated_at = excluded.updated_at""")
                .setParameter("complaintId", submission.complaintId())
                .setParameter("category", submission.category())
                .setParameter("provinceCode", submission.provinceCode())
                .setParameter("channel", submission.channel())
                .setParameter("submittedAt", submission.submittedAt())
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** The status, owned by lifecycle events: one complaint's come in order, so the latest wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(StatusChange change) {
        em.createNativeQuery("""
                        insert into complaint_fact (complaint_id, status, status_changed_at, agency_id, updated_at)
                        values (:complaintId, :status, :changedAt, cast(:agencyId as text), :now)
                        on conflict (complaint_id) do update set
                            status = excluded.status,
                            status_changed_at = excluded.status_changed_at,
                            agency_id = coalesce(excluded.agency_id, complaint_fact.agency_id),
                            updated_at = excluded.updated_at""")
                .setParameter("complaintId", change.complaintId())
                .setParameter("status", change.status())
                .setParameter("changedAt", change.changedAt())
                .setParameter("agencyId", change.agencyId().orElse(null))
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** The routing outcome and agency; the status stays the lifecycle's to set. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(RoutingResult result) {
        em.createNativeQuery("""
                        insert into complaint_fact (complaint_id, routing_outcome, agency_id, updated_at)
                        values (:complaintId, :outcome, cast(:agencyId as text), :now)
                        on conflict (complaint_id) do update set
                            routing_outcome = excluded.routing_outcome,
                            agency_id = coalesce(excluded.agency_id, complaint_fact.agency_id),
                            updated_at = excluded.updated_at""")
                .setParameter("complaintId", result.complaintId())
                .setParameter("outcome", result.outcome())
                .setParameter("agencyId", result.agencyId().orElse(null))
                .setParameter("now", Instant.now())
                .executeUpdate();
    }
}
