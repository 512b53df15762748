package org.aduan.followup.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.Reporter;
import org.aduan.followup.agency.AgencyViews.Attachment;
import org.aduan.followup.agency.AgencyViews.CaseDetail;
import org.aduan.followup.agency.AgencyViews.Document;
import org.aduan.followup.agency.AgencyViews.EscalatedCase;
import org.aduan.followup.agency.AgencyViews.EscalationEntry;
import org.aduan.followup.agency.AgencyViews.HistoryEntry;
import org.aduan.followup.agency.AgencyViews.InboxItem;
import org.aduan.followup.agency.AgencyViews.InboxPage;
import org.aduan.followup.agency.AgencyViews.Point;
import org.aduan.followup.agency.AgencyViews.ReporterContact;
import org.aduan.followup.agency.AgencyViews.TriageItem;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.lifecycle.CaseAction;
import org.aduan.followup.lifecycle.CaseAttachment;
import org.aduan.followup.lifecycle.CaseDocument;
import org.aduan.followup.lifecycle.CaseHistoryEntry;
import org.aduan.followup.lifecycle.CaseStatus;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.paging.Paging;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.aduan.followup.sla.Escalation;
import org.aduan.followup.sla.Sla;
import org.aduan.followup.sla.SlaTimer;
import org.aduan.followup.sla.WorkingDayCalendar;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Reads cases for the agency API. Every query of an agency's complaints has the caller's agency in its
 * {@code where} clause: a complaint of another agency is never loaded, so it cannot leak.
 */
@ApplicationScoped
public class AgencyCases {

    private static final Logger LOG = Logger.getLogger(AgencyCases.class);

    @Inject
    EntityManager em;

    @Inject
    ServiceClock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    IdentitySeal identitySeal;

    /** Where citizens' photos are fetched from: intake-service's public base URL. */
    @ConfigProperty(name = "aduan.followup.intake-public-url")
    String intakePublicUrl;

    /** Inbox filters, validated. */
    public record InboxFilter(Set<CaseStatus> statuses, Optional<String> category, Optional<Boolean> overdue,
            Optional<LocalDate> from, Optional<LocalDate> to) {

        static InboxFilter parse(List<String> status, String category, String overdue, String from, String to) {
            List<Problem.FieldError> errors = new ArrayList<>();
            Set<CaseStatus> statuses = new LinkedHashSet<>();
            for (String value : status == null ? List.<String>of() : status) {
                for (String name : value.split(",")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    try {
                        statuses.add(CaseStatus.valueOf(name.strip().toUpperCase()));
                    } catch (IllegalArgumentException e) {
                        errors.add(new Problem.FieldError("status", "one of " + Arrays.toString(CaseStatus.values())));
                    }
                }
            }
            Optional<Boolean> overdueFlag = Optional.empty();
            if (overdue != null && !overdue.isBlank()) {
                if (overdue.equalsIgnoreCase("true") || overdue.equalsIgnoreCase("false")) {
                    overdueFlag = Optional.of(Boolean.parseBoolean(overdue));
                } else {
                    errors.add(new Problem.FieldError("overdue", "true or false"));
                }
            }
            Optional<LocalDate> fromDate = date("from", from, errors);
            Optional<LocalDate> toDate = date("to", to, errors);
            if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
                errors.add(new Problem.FieldError("to", "must not be before from"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new InboxFilter(statuses, Optional.ofNullable(category).filter(c -> !c.isBlank()).map(String::strip),
                    overdueFlag, fromDate, toDate);
        }

        private static Optional<LocalDate> date(String field, String value, List<Problem.FieldError> errors) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value.strip()));
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(field, "a date such as 2026-03-25 (submission day, Jakarta time)"));
                return Optional.empty();
            }
        }
    }

    /** One page of the agency's complaints matching the filter, newest first. */
    public InboxPage inbox(String agencyId, InboxFilter filter, Paging paging) {
        StringBuilder where = new StringBuilder("c.agencyId = :agency");
        Map<String, Object> params = new HashMap<>();
        params.put("agency", agencyId);
        if (!filter.statuses().isEmpty()) {
            where.append(" and c.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        filter.category().ifPresent(category -> {
            where.append(" and c.category = :category");
            params.put("category", category);
        });
        filter.overdue().ifPresent(overdue -> {
            where.append(overdue ? " and exists" : " and not exists").append("""
                     (select 1 from SlaTimer t where t.complaintId = c.complaintId
                     and t.onBreach = :escalate and t.dueAt <= :now)""");
            params.put("escalate", Sla.Breach.ESCALATE);
            params.put("now", clock.now());
        });
        filter.from().ifPresent(from -> {
            where.append(" and c.submittedAt >= :from");
            params.put("from", from.atStartOfDay(WorkingDayCalendar.JAKARTA).toInstant());
        });
        filter.to().ifPresent(to -> {
            where.append(" and c.submittedAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(WorkingDayCalendar.JAKARTA).toInstant());
        });
        return page("select c from ComplaintCase c where " + where + " order by c.submittedAt desc, c.complaintId",
                "select count(c) from ComplaintCase c where " + where, params, paging);
    }

    /** The agency's complaints waiting for a supervisor's answer to an appeal, oldest first. */
    public InboxPage appeals(String agencyId, Paging paging) {
        Map<String, Object> params = Map.of("agency", agencyId, "appealed", CaseStatus.APPEALED);
        String where = "c.agencyId = :agency and c.status = :appealed";
        return page("select c from ComplaintCase c where " + where + " order by c.updatedAt, c.complaintId",
                "select count(c) from ComplaintCase c where " + where, params, paging);
    }

    private InboxPage page(String select, String count, Map<String, Object> params, Paging paging) {
        TypedQuery<ComplaintCase> query = em.createQuery(select, ComplaintCase.class);
        TypedQuery<Long> total = em.createQuery(count, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            total.setParameter(k, v);
        });
        List<ComplaintCase> cases = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<String, SlaTimer> timers = timers(cases.stream().map(c -> c.complaintId).toList());
        Instant now = clock.now();
        List<InboxItem> items = cases.stream().map(c -> item(c, Optional.ofNullable(timers.get(c.complaintId)), now))
                .toList();
        return new InboxPage(items, paging.page(), paging.size(), total.getSingleResult());
    }

    private Map<String, SlaTimer> timers(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from SlaTimer t where t.complaintId in :ids", SlaTimer.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(t -> t.complaintId, Function.identity()));
    }

    private InboxItem item(ComplaintCase c, Optional<SlaTimer> timer, Instant now) {
        return new InboxItem(c.complaintId, c.trackingCode, Optional.ofNullable(c.title), Optional.ofNullable(c.category),
                Optional.ofNullable(c.regionCode), c.status.name(), c.submittedAt, Optional.ofNullable(c.routedAt),
                calendar.workingDaysBetween(c.submittedAt, now), timer.map(t -> t.dueAt),
                timer.map(t -> t.isOverdue(now)).orElse(false), timer.map(t -> t.level).orElse(0),
                Optional.ofNullable(c.assignedOfficer), c.anonymous, c.transferCount);
    }

    /** The agency's own complaint, or 404 (also for another agency's complaint: the same answer). */
    public ComplaintCase ofAgency(String complaintId, String agencyId) {
        return ComplaintCase.ofAgency(complaintId, agencyId).orElseThrow(ProblemException::complaintNotFound);
    }

    public CaseDetail detail(ComplaintCase c) {
        Instant now = clock.now();
        Optional<SlaTimer> timer = Optional.ofNullable(SlaTimer.findById(c.complaintId));
        List<HistoryEntry> history = CaseHistoryEntry.of(c.complaintId).stream().map(AgencyCases::history).toList();
        List<Document> documents = CaseDocument.of(c.complaintId).stream()
                .map(d -> new Document(d.id, d.name, d.reference, Optional.ofNullable(d.mediaType), d.uploadedBy,
                        d.uploadedAt))
                .toList();
        List<EscalationEntry> escalations = Escalation.of(c.complaintId).stream()
                .map(e -> new EscalationEntry(e.level, e.status.name(), e.agencyId, Optional.ofNullable(e.escalatedTo),
                        e.dueAt, e.escalatedAt, Optional.ofNullable(e.resolvedAt)))
                .toList();
        return new CaseDetail(c.complaintId, c.trackingCode, Optional.ofNullable(c.title), c.text,
                Optional.ofNullable(c.category), Optional.ofNullable(c.regionCode), c.language, c.channel.name(),
                c.status.name(), c.agencyId, c.submittedAt, Optional.ofNullable(c.routedAt),
                Optional.ofNullable(c.acknowledgedAt), Optional.ofNullable(c.respondedAt),
                Optional.ofNullable(c.closedAt), calendar.workingDaysBetween(c.submittedAt, now),
                timer.map(t -> t.dueAt), timer.map(t -> t.isOverdue(now)).orElse(false),
                timer.map(t -> t.level).orElse(0), Optional.ofNullable(c.assignedOfficer),
                Optional.ofNullable(c.rating), c.transferCount, Optional.ofNullable(c.previousAgencyId), c.anonymous,
                c.confidential, reporter(c), history, documents, escalations, point(c), attachments(c));
    }

    private static Optional<Point> point(ComplaintCase c) {
        return c.latitude == null || c.longitude == null ? Optional.empty()
                : Optional.of(new Point(c.latitude, c.longitude));
    }

    private List<Attachment> attachments(ComplaintCase c) {
        String base = intakePublicUrl.endsWith("/") ? intakePublicUrl.substring(0, intakePublicUrl.length() - 1)
                : intakePublicUrl;
        return CaseAttachment.of(c.complaintId).stream()
                .map(a -> new Attachment(a.attachmentId, a.mediaType, a.sizeBytes, a.sha256,
                        base + "/api/v1/attachments/" + a.attachmentId, a.receivedAt))
                .toList();
    }

    private static HistoryEntry history(CaseHistoryEntry h) {
        return new HistoryEntry(h.at, h.action.name(), Optional.ofNullable(h.fromStatus).map(Enum::name),
                h.status.name(), h.actor, Optional.ofNullable(h.actorUser), Optional.ofNullable(h.reason),
                Optional.ofNullable(h.body), h.visibility.name());
    }

    /** Opens the sealed identity only for a named reporter; an anonymous one is never opened at all. */
    private Optional<ReporterContact> reporter(ComplaintCase c) {
        if (c.anonymous || c.sealedReporter().isEmpty()) {
            return Optional.empty();
        }
        try {
            Reporter reporter = identitySeal.open(c.sealedReporter().get());
            return reporter.name().isEmpty() && reporter.phone().isEmpty() && reporter.email().isEmpty()
                    ? Optional.empty()
                    : Optional.of(new ReporterContact(reporter.name(), reporter.phone(), reporter.email()));
        } catch (RuntimeException e) {
            // a shredded or rotated key: the complaint is still shown, without who sent it
            MDC.put("complaintId", c.complaintId);
            LOG.warn("reporter identity cannot be opened");
            MDC.remove("complaintId");
            return Optional.empty();
        }
    }

    /**
     * Unresolved escalations addressed to {@code agencyId}, or all of them when {@code agencyId} is
     * empty (operators), most recent first.
     */
    public AgencyViews.Page<EscalatedCase> escalations(Optional<String> agencyId, Paging paging) {
        String where = "e.resolvedAt is null" + (agencyId.isPresent() ? " and e.escalatedTo = :agency" : "");
        TypedQuery<Escalation> query = em.createQuery("select e from Escalation e where " + where
                + " order by e.escalatedAt desc, e.id desc", Escalation.class);
        TypedQuery<Long> total = em.createQuery("select count(e) from Escalation e where " + where, Long.class);
        agencyId.ifPresent(a -> {
            query.setParameter("agency", a);
            total.setParameter("agency", a);
        });
        Instant now = clock.now();
        List<EscalatedCase> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(e -> {
                    ComplaintCase c = ComplaintCase.findById(e.complaintId);
                    return new EscalatedCase(c.complaintId, c.trackingCode, Optional.ofNullable(c.title),
                            Optional.ofNullable(c.category), Optional.ofNullable(c.regionCode), e.agencyId,
                            c.status.name(), e.level, Optional.ofNullable(e.escalatedTo), e.dueAt, e.escalatedAt,
                            calendar.workingDaysBetween(c.submittedAt, now));
                }).toList();
        return new AgencyViews.Page<>(items, paging.page(), paging.size(), total.getSingleResult());
    }

    /** The operators' triage queue, longest waiting first. */
    public AgencyViews.Page<TriageItem> triage(Paging paging) {
        TypedQuery<ComplaintCase> query = em.createQuery(
                "select c from ComplaintCase c where c.status = :triage order by c.updatedAt, c.complaintId",
                ComplaintCase.class).setParameter("triage", CaseStatus.TRIAGE);
        long total = em.createQuery("select count(c) from ComplaintCase c where c.status = :triage", Long.class)
                .setParameter("triage", CaseStatus.TRIAGE).getSingleResult();
        List<ComplaintCase> cases = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<String, SlaTimer> timers = timers(cases.stream().map(c -> c.complaintId).toList());
        Instant now = clock.now();
        List<TriageItem> items = cases.stream().map(c -> {
            Optional<CaseHistoryEntry> entered = CaseHistoryEntry.<CaseHistoryEntry>find(
                    "complaintId = ?1 and action = ?2 order by id desc", c.complaintId, CaseAction.TRIAGE)
                    .firstResultOptional();
            Optional<SlaTimer> timer = Optional.ofNullable(timers.get(c.complaintId));
            return new TriageItem(c.complaintId, c.trackingCode, Optional.ofNullable(c.title), c.text,
                    Optional.ofNullable(c.category), Optional.ofNullable(c.regionCode), c.submittedAt,
                    entered.map(h -> h.at).orElse(c.updatedAt), entered.map(h -> h.reason),
                    Optional.ofNullable(c.previousAgencyId), c.transferCount, timer.map(t -> t.dueAt),
                    timer.map(t -> t.isOverdue(now)).orElse(false));
        }).toList();
        return new AgencyViews.Page<>(items, paging.page(), paging.size(), total);
    }
}
