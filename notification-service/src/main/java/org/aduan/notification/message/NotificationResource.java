package org.aduan.notification.message;

import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
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

/**
 * Internal view, for operators and tests, of the messages to citizens: what was said, and every
 * delivery attempt. Recipients are never shown.
 */
@Path("/api/v1/notifications")
@Tag(name = "Notifications")
public class NotificationResource {

    /**
     * The messages about one complaint, or the answer to one channel request, oldest first, each with
     * its delivery status and attempts.
     *
     * @param complaintId the complaint's id (a UUID)
     * @param replyId     the id of a {@code ChannelReplyRequested} (a UUID), for replies about no complaint
     */
    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The messages; empty when there are none yet")
    @APIResponse(responseCode = "400", description = "neither complaintId nor replyId given, or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<NotificationView> find(@QueryParam("complaintId") String complaintId,
            @QueryParam("replyId") String replyId) {
        boolean byComplaint = complaintId != null && !complaintId.isBlank();
        boolean byReply = replyId != null && !replyId.isBlank();
        if (!byComplaint && !byReply) {
            throw ProblemException.invalid("complaintId", "is required (or replyId)");
        }
        if (byComplaint && !isUuid(complaintId)) {
            throw ProblemException.invalid("complaintId", "must be a UUID");
        }
        if (byReply && !isUuid(replyId)) {
            throw ProblemException.invalid("replyId", "must be a UUID");
        }
        List<OutboundMessage> messages = byComplaint ? OutboundMessage.forComplaint(complaintId)
                : OutboundMessage.forReply(replyId);
        return messages.stream()
                .filter(m -> !byComplaint || !byReply || replyId.equals(m.replyId))
                .map(NotificationView::of).toList();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
