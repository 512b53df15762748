package org.aduan.followup.feed;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.aduan.followup.lifecycle.CaseAction;
import org.aduan.followup.lifecycle.CaseHistoryEntry;
import org.aduan.followup.lifecycle.CaseStatus;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.paging.Paging;
import org.aduan.followup.problem.Language;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Public monitoring: every complaint that is not confidential, with its status, agency and answers, so
 * anyone can see whether agencies keep their promise. Never the reporter's identity (it is not even
 * read here), never internal notes, never the citizen's own additions; rejected complaints (spam,
 * abuse) are left out.
 */
@Path("/api/v1/public/complaints")
@Tag(name = "Public feed", description = "Non-confidential complaints, without reporter identity")
@Produces(MediaType.APPLICATION_JSON)
public class PublicFeedResource {

    /** Statuses the public sees; a rejected complaint may be abuse and is not republished. */
    static final Set<CaseStatus> SHOWN = EnumSet.complementOf(EnumSet.of(CaseStatus.REJECTED));

    @Inject
    EntityManager em;

    @Context
    HttpHeaders headers;

    /** A page of public complaints, newest first. */
    public record FeedPage(List<PublicComplaint> items, int page, int size, long total) {
    }

    /**
     * A complaint as the public sees it.
     *
     * @param agencyName the responsible agency's name, in the language of the request
     * @param history the public steps (in the language of the request) with the agency's answers in full
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record PublicComplaint(String complaintId, Optional<String> title, String text, Optional<String> category,
            Optional<String> regionCode, String status, String statusLabel, Optional<String> agencyId,
            Optional<String> agencyName, Instant submittedAt, Optional<Instant> respondedAt, Optional<Integer> rating, int transferCount,
            Optional<List<PublicStep>> history) {
    }

    /** One public step; {@code answer} only on the agency's answers, {@code reason} on transfers and rejections. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record PublicStep(String status, Instant at, String description, Optional<String> agencyNote,
            Optional<String> answer) {
    }

    @GET
    @Operation(summary = "The public feed", description = "Non-confidential complaints, newest first.")
    @APIResponse(responseCode = "200", description = "One page of complaints")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FeedPage feed(@Parameter(description = "Only this status") @QueryParam("status") String status,
            @Parameter(description = "Only this category") @QueryParam("category") String category,
            @Parameter(description = "Only this agency, e.g. pemda-32.73") @QueryParam("agency") String agency,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
        Paging paging = Paging.parse(page, size);
        String language = Language.of(headers);
        StringBuilder where = new StringBuilder("c.confidential = false and c.status in :shown");
        Map<String, Object> params = new HashMap<>();
        params.put("shown", SHOWN);
        if (status != null && !status.isBlank()) {
            try {
                params.put("status", CaseStatus.valueOf(status.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "a status such as RESPONDED (see /api/v1/lifecycle)");
            }
            where.append(" and c.status = :status");
        }
        if (category != null && !category.isBlank()) {
            params.put("category", category.strip());
            where.append(" and c.category = :category");
        }
        if (agency != null && !agency.isBlank()) {
            params.put("agency", agency.strip());
            where.append(" and c.agencyId = :agency");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            TypedQuery<ComplaintCase> query = em.createQuery("select c from ComplaintCase c where " + where
                    + " order by c.submittedAt desc, c.complaintId", ComplaintCase.class);
            TypedQuery<Long> total = em.createQuery("select count(c) from ComplaintCase c where " + where, Long.class);
            params.forEach((k, v) -> {
                query.setParameter(k, v);
                total.setParameter(k, v);
            });
            List<PublicComplaint> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                    .getResultStream().map(c -> view(c, language, false)).toList();
            return new FeedPage(items, paging.page(), paging.size(), total.getSingleResult());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One public complaint with its public history and the agency's answers")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "404", description = "No such public complaint (it may be confidential)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PublicComplaint complaint(@PathParam("id") String id) {
        String language = Language.of(headers);
        return QuarkusTransaction.requiringNew().call(() -> ComplaintCase.<ComplaintCase>findByIdOptional(id)
                .filter(c -> !c.confidential && SHOWN.contains(c.status))
                .map(c -> view(c, language, true))
                .orElseThrow(() -> new ProblemException(new Problem(Problem.BASE + "complaint-not-found",
                        Language.ENGLISH.equals(language) ? "Complaint not found" : "Pengaduan tidak ditemukan", 404,
                        Language.ENGLISH.equals(language) ? "No public complaint has this id."
                                : "Tidak ada pengaduan publik dengan id ini.",
                        null))));
    }

    private static PublicComplaint view(ComplaintCase c, String language, boolean withHistory) {
        Optional<List<PublicStep>> history = withHistory
                ? Optional.of(CaseHistoryEntry.of(c.complaintId).stream()
                        .filter(h -> h.visibility == CaseAction.Visibility.PUBLIC)
                        .map(h -> new PublicStep(h.status.name(), h.at, h.action.label(language),
                                agencyNote(h), h.action.isAnswer() ? Optional.ofNullable(h.body) : Optional.empty()))
                        .toList())
                : Optional.empty();
        return new PublicComplaint(c.complaintId, Optional.ofNullable(c.title), c.text, Optional.ofNullable(c.category),
                Optional.ofNullable(c.regionCode), c.status.name(), c.status.label(language),
                Optional.ofNullable(c.agencyId), c.agencyName().map(n -> n.in(language)), c.submittedAt,
                Optional.ofNullable(c.respondedAt),
                Optional.ofNullable(c.rating), c.transferCount, history);
    }

    /** Only agencies' and the platform's reasons are republished, never the citizen's own words. */
    private static Optional<String> agencyNote(CaseHistoryEntry h) {
        return switch (h.action) {
            case ROUTE, REQUEST_TRANSFER, REJECT -> Optional.ofNullable(h.reason);
            default -> Optional.empty();
        };
    }
}
