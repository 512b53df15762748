package org.aduan.followup.track;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aduan.events.identity.PinHash;
import org.aduan.followup.cases.CaseHistoryEntry;
import org.aduan.followup.cases.ComplaintCase;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Citizens follow their complaint with the tracking code and the secret PIN they were given; no
 * account is needed.
 */
@Path("/api/v1/track")
@Tag(name = "Citizen tracking")
public class TrackResource {

    public static final String PIN_HEADER = "X-Aduan-Pin";

    private final PinHash pins;
    /** Checked against when the tracking code is unknown, so that case costs as much time as a wrong PIN. */
    private final String decoyPinHash;

    TrackResource(PinHash pins) {
        this.pins = pins;
        this.decoyPinHash = pins.hash("decoy-pin-never-given-out");
    }

    /**
     * The status and history of one complaint.
     * <p>
     * An unknown tracking code, a wrong PIN and a missing PIN all answer the same 404 problem, so
     * the API does not reveal which tracking codes exist.
     *
     * @param trackingCode the code the citizen received, e.g. {@code ADN-7KQ2-M9XD}
     * @param pin          the citizen's secret PIN, in the {@code X-Aduan-Pin} header
     */
    @GET
    @Path("/{trackingCode}")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The complaint's status and history")
    @APIResponse(responseCode = "404", description = "No complaint with this tracking code and PIN",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    public TrackedComplaint track(@PathParam("trackingCode") String trackingCode,
            @HeaderParam(PIN_HEADER) String pin) {
        Optional<ComplaintCase> found = ComplaintCase.byTrackingCode(trackingCode);
        String pinHash = found.map(c -> c.pinHash).orElse(decoyPinHash);
        boolean pinMatches = pins.matches(pin == null ? "" : pin, pinHash);
        if (found.isEmpty() || pin == null || !pinMatches) {
            throw notFound();
        }
        ComplaintCase c = found.get();
        return new TrackedComplaint(c.trackingCode, c.status.name(), Optional.ofNullable(c.agencyId),
                Optional.ofNullable(c.category), c.submittedAt,
                CaseHistoryEntry.of(c.complaintId).stream()
                        .map(h -> new TrackedComplaint.Step(h.status.name(), h.at, Optional.ofNullable(h.note)))
                        .toList());
    }

    private static ProblemException notFound() {
        return new ProblemException(new Problem("https://aduan.org/problems/complaint-not-found",
                "Complaint not found", 404,
                "No complaint matches this tracking code and PIN.", null));
    }
}
