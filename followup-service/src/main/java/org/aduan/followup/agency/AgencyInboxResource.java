package org.aduan.followup.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.Reporter;
import org.aduan.followup.cases.ComplaintCase;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The complaints an agency must act on. (Officers will authenticate with OIDC and see only their own
 * agency's inbox; until then the agency is taken from the path.)
 */
@Path("/api/v1/agencies/{agencyId}/complaints")
@Tag(name = "Agency inbox")
public class AgencyInboxResource {

    private static final Logger LOG = Logger.getLogger(AgencyInboxResource.class);
    static final int MAX_PAGE_SIZE = 100;

    @Inject
    IdentitySeal identitySeal;

    /**
     * The complaints currently assigned to an agency, newest first.
     * <p>
     * The reporter's contact details are included only for complaints that are not anonymous.
     *
     * @param agencyId the agency, e.g. {@code pemda-32.73}
     * @param page     zero-based page number
     * @param size     complaints per page, 1 to 100
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "One page of the agency's inbox")
    @APIResponse(responseCode = "400", description = "Invalid paging parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public InboxPage inbox(@PathParam("agencyId") String agencyId,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        Paging paging = Paging.parse(page, size);
        var query = ComplaintCase.find("agencyId", Sort.descending("submittedAt").and("complaintId"), agencyId);
        List<ComplaintCase> cases = query.page(Page.of(paging.page(), paging.size())).list();
        return new InboxPage(cases.stream().map(this::item).toList(), paging.page(), paging.size(), query.count());
    }

    private InboxPage.Item item(ComplaintCase c) {
        return new InboxPage.Item(c.complaintId, c.trackingCode, Optional.ofNullable(c.title), c.text,
                Optional.ofNullable(c.category), Optional.ofNullable(c.regionCode), c.status.name(),
                c.submittedAt, Optional.ofNullable(c.routedAt), c.anonymous, reporter(c));
    }

    /** Opens the sealed identity only for a named reporter; an anonymous one is never opened at all. */
    private Optional<InboxPage.ReporterContact> reporter(ComplaintCase c) {
        if (c.anonymous || c.sealedReporter().isEmpty()) {
            return Optional.empty();
        }
        try {
            Reporter reporter = identitySeal.open(c.sealedReporter().get());
            return reporter.name().isEmpty() && reporter.phone().isEmpty() && reporter.email().isEmpty()
                    ? Optional.empty()
                    : Optional.of(new InboxPage.ReporterContact(reporter.name(), reporter.phone(), reporter.email()));
        } catch (RuntimeException e) {
            // a shredded or rotated key: the complaint is still shown, without who sent it
            MDC.put("complaintId", c.complaintId);
            LOG.warn("reporter identity cannot be opened");
            MDC.remove("complaintId");
            return Optional.empty();
        }
    }

    /** Validated paging parameters; taken as strings so that "abc" is a 400 problem, not a 404. */
    record Paging(int page, int size) {

        static Paging parse(String page, String size) {
            List<Problem.FieldError> errors = new ArrayList<>();
            Integer p = integer(page);
            Integer s = integer(size);
            if (p == null || p < 0) {
                errors.add(new Problem.FieldError("page", "must be a whole number, 0 or more"));
            }
            if (s == null || s < 1 || s > MAX_PAGE_SIZE) {
                errors.add(new Problem.FieldError("size", "must be a whole number from 1 to " + MAX_PAGE_SIZE));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new Paging(p, s);
        }

        private static Integer integer(String value) {
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException | NullPointerException e) {
                return null;
            }
        }
    }
}
