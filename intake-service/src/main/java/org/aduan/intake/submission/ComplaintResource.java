package org.aduan.intake.submission;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.Channel;
import org.aduan.intake.problem.Problem;
import org.aduan.intake.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Complaints from the web and from agencies' own apps. No account is needed: the answer carries a
 * tracking code and a secret PIN, shown once.
 */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    private final ComplaintRequestParser parser;
    private final SubmissionService submissions;

    ComplaintResource(ComplaintRequestParser parser, SubmissionService submissions) {
        this.parser = parser;
        this.submissions = submissions;
    }

    /**
     * Submits a complaint. Answers 202 only after the complaint is stored and its event is on the broker.
     * Invalid input answers 400 {@code application/problem+json} naming every wrong field; nothing is
     * recorded or published then. Send an {@code Idempotency-Key} to make retries safe: the same key
     * always answers with the same complaint.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a complaint")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pothole",
            value = "{\"title\":\"Jalan berlubang\",\"text\":\"Jalan berlubang di depan pasar\",\"category\":\"infrastruktur\","
                    + "\"location\":{\"regionCode\":\"32.73\",\"description\":\"Jl. Merdeka\"},"
                    + "\"reporter\":{\"name\":\"Siti\",\"phone\":\"+6281234567890\"},\"anonymous\":false,"
                    + "\"confidential\":false,\"language\":\"id\"}")))
    @APIResponse(responseCode = "202", description = "Received: tracking code and PIN")
    @APIResponse(responseCode = "400", description = "Invalid complaint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Not recorded; send again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(String body,
            @Parameter(description = "Makes retries safe: the same key answers with the same complaint")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > 200) {
            throw new ProblemException(Problem.of("invalid-idempotency-key", "Invalid Idempotency-Key",
                    Response.Status.BAD_REQUEST, "Idempotency-Key must be at most 200 characters"));
        }
        ComplaintRequest request = parser.parse(body, uiLanguage(acceptLanguage));
        Receipt receipt = submissions.submit(request, Channel.WEB, key);
        return Response.accepted(receipt).location(URI.create("/api/v1/complaints/" + receipt.id())).build();
    }

    /** The receipt of a submitted complaint (never its PIN, text or reporter). */
    @GET
    @Path("{id}")
    @Operation(summary = "Receipt of a submitted complaint")
    @APIResponse(responseCode = "404", description = "No such complaint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Receipt receipt(@PathParam("id") String id) {
        Optional<UUID> uuid;
        try {
            uuid = Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            uuid = Optional.empty();
        }
        return uuid.flatMap(submissions::find).orElseThrow(() -> new ProblemException(Problem.of("complaint-not-found",
                "Complaint not found", Response.Status.NOT_FOUND, "No complaint has this id.")));
    }

    /** English when the client prefers it, Indonesian otherwise. */
    static String uiLanguage(String acceptLanguage) {
        if (acceptLanguage == null) {
            return "id";
        }
        for (String part : acceptLanguage.split(",")) {
            String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("id") || tag.startsWith("in")) {
                return "id";
            }
            if (tag.startsWith("en")) {
                return "en";
            }
        }
        return "id";
    }
}
