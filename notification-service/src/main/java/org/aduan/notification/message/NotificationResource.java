package org.aduan.notification.message;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aduan.notification.problem.Problem;
import org.aduan.notification.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal view, for operators and tests, of the messages recorded for reporters. */
@Path("/api/v1/notifications")
@Tag(name = "Notifications")
public class NotificationResource {

    /**
     * The messages recorded for one complaint, oldest first.
     *
     * @param complaintId the complaint's id (a UUID)
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The complaint's messages; empty when there are none yet")
    @APIResponse(responseCode = "400", description = "complaintId missing or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<NotificationView> forComplaint(@QueryParam("complaintId") String complaintId) {
        if (complaintId == null || complaintId.isBlank()) {
            throw ProblemException.invalid("complaintId", "is required");
        }
        if (!isUuid(complaintId)) {
            throw ProblemException.invalid("complaintId", "must be a UUID");
        }
        return OutboundMessage.forComplaint(complaintId).stream().map(NotificationView::of).toList();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
