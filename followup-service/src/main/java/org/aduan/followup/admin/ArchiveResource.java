package org.aduan.followup.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aduan.followup.agency.AgencyUser;
import org.aduan.followup.lifecycle.ActionDetails;
import org.aduan.followup.lifecycle.Actor;
import org.aduan.followup.lifecycle.CaseAction;
import org.aduan.followup.lifecycle.CaseLifecycle;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.outbox.OutboxRelay;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Platform administration: putting finished complaints away. */
@Path("/api/v1/admin/complaints")
@Tag(name = "Administration", description = "Platform administrators (role admin)")
public class ArchiveResource {

    @Inject
    AgencyUser user;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    OutboxRelay relay;

    /** The status after archiving. */
    public record Archived(String complaintId, String status) {
    }

    @POST
    @Path("/{id}/archive")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(AgencyUser.ADMIN)
    @Operation(summary = "Archive a closed or rejected complaint", description = "CLOSED or REJECTED → ARCHIVED.")
    @APIResponse(responseCode = "200", description = "Archived")
    @APIResponse(responseCode = "404", description = "No such complaint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The complaint is not finished", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Archived archive(@PathParam("id") String id) {
        Actor admin = user.platformActor(Actor.Kind.ADMIN);
        Archived archived = QuarkusTransaction.requiringNew().call(() -> {
            lifecycle.lock(id);
            ComplaintCase c = ComplaintCase.<ComplaintCase>findByIdOptional(id)
                    .orElseThrow(ProblemException::complaintNotFound);
            lifecycle.take(c, CaseAction.ARCHIVE, admin, ActionDetails.none());
            return new Archived(c.complaintId, c.status.name());
        });
        relay.wake();
        return archived;
    }
}
