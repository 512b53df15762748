package org.aduan.bench.baseline;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The floor under intake's {@code POST /api/v1/complaints}: the same path, the same signature (the body read
 * as a string on a worker thread, a 202 with a small JSON receipt and a Location), and no work at all — no
 * parsing, no database, no broker. What intake costs above this is what intake does.
 */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class NoOpComplaintResource {

    /** Answers 202 with a fresh id, whatever the body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(String body) {
        Receipt receipt = new Receipt(UUID.randomUUID(), "RECEIVED");
        return Response.accepted(receipt).location(URI.create("/api/v1/complaints/" + receipt.id())).build();
    }

    /** A receipt shaped like intake's, much shorter. */
    public record Receipt(UUID id, String status) {
    }
}
