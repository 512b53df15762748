package org.aduan.intake.attachment;

import java.util.Optional;
import java.util.UUID;

import org.aduan.intake.problem.Problem;
import org.aduan.intake.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Photos citizens sent with their complaints, for agency staff only (Keycloak bearer token with a
 * staff role). The stored file has no EXIF, GPS or other metadata left.
 */
@Path("/api/v1/attachments")
public class AttachmentResource {

    private final AttachmentStore store;

    AttachmentResource(AttachmentStore store) {
        this.store = store;
    }

    /** The photo's bytes, as stored (JPEG or PNG). */
    @GET
    @Path("{id}")
    @RolesAllowed({"officer", "supervisor", "operator", "admin"})
    @Operation(summary = "A complaint's photo (metadata stripped)")
    @APIResponse(responseCode = "200", description = "The photo", content = {
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "No staff role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such photo", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response photo(@PathParam("id") String id) {
        Optional<UUID> uuid;
        try {
            uuid = Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            uuid = Optional.empty();
        }
        AttachmentStore.StoredPhoto photo = uuid
                .flatMap(u -> QuarkusTransaction.requiringNew().call(() -> store.find(u)))
                .orElseThrow(() -> new ProblemException(Problem.of("attachment-not-found", "Attachment not found",
                        Response.Status.NOT_FOUND, "No attachment has this id.")));
        return Response.ok(photo.content(), photo.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + photo.id()
                        + ("image/png".equals(photo.mediaType()) ? ".png" : ".jpg") + "\"")
                .header("ETag", "\"" + photo.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
