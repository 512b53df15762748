package org.aduan.notification.agencyalert;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.panache.common.Sort;

import org.aduan.notification.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages to agencies: complaints that came in through their door and went to another agency. */
@Tag(name = "Agency alerts")
@Path("/api/v1/notifications/agency-alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyAlertResource {

    /**
     * One alert, in both languages.
     *
     * @param complaintId the complaint
     * @param agencyId    the agency told (the entry agency)
     * @param kind        {@code ENTRY_FORWARDED}
     * @param bodyId      the text in Indonesian
     * @param bodyEn      the text in English
     * @param createdAt   when
     */
    public record AlertView(String complaintId, String agencyId, String kind, String bodyId, String bodyEn,
            Instant createdAt) {
    }

    /** Alerts for one agency, newest first (at most 200). */
    @GET
    public List<AlertView> forAgency(@QueryParam("agencyId") String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            throw ProblemException.invalid("agencyId", "is required");
        }
        return AgencyAlert.<AgencyAlert>find("agencyId", Sort.descending("createdAt"), agencyId).page(0, 200).list()
                .stream().map(a -> new AlertView(a.complaintId, a.agencyId, a.kind, a.bodyId, a.bodyEn, a.createdAt))
                .toList();
    }
}
