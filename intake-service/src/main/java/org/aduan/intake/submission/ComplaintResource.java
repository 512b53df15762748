package org.aduan.intake.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.Channel;
import org.aduan.intake.attachment.ImageSanitizer;
import org.aduan.intake.attachment.PhotoRejectedException;
import org.aduan.intake.attachment.SanitizedImage;
import org.aduan.intake.problem.Problem;
import org.aduan.intake.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.vertx.core.http.HttpServerRequest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Complaints from the web and from agencies' own apps. No account is needed: the answer carries a
 * tracking code and a secret PIN, shown once.
 */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    static final int MAX_PHOTOS = 5;

    private final ComplaintRequestParser parser;
    private final SubmissionService submissions;
    private final ImageSanitizer images;
    private final WebRateLimit rateLimit;

    ComplaintResource(ComplaintRequestParser parser, SubmissionService submissions, ImageSanitizer images,
            WebRateLimit rateLimit) {
        this.parser = parser;
        this.submissions = submissions;
        this.images = images;
        this.rateLimit = rateLimit;
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
    @APIResponse(responseCode = "429", description = "Too many complaints from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Busy (no database connection in time): nothing was recorded; send again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(String body,
            @Parameter(description = "Makes retries safe: the same key answers with the same complaint")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest http) {
        String language = uiLanguage(acceptLanguage);
        rateLimit.check(http, language);
        Optional<String> key = idempotencyKey(idempotencyKey);
        ComplaintRequest request = parser.parse(body, language);
        Receipt receipt = submissions.submit(request, Channel.WEB, key);
        return Response.accepted(receipt).location(URI.create("/api/v1/complaints/" + receipt.id())).build();
    }

    /**
     * Submits a complaint with photos: a {@code complaint} part with the same JSON as above and up to five
     * {@code photo} parts (JPEG or PNG, 5 MB each). Photos are stored without their metadata (EXIF, GPS);
     * to share a position, put it in {@code location.point}. A photo that is too large answers 413, one that
     * is not a JPEG or PNG image 415; nothing is recorded then.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit a complaint with photos")
    @APIResponse(responseCode = "202", description = "Received: tracking code, PIN and stored photos")
    @APIResponse(responseCode = "400", description = "Invalid complaint", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "A photo is too large", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "A photo is not a JPEG or PNG image", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many complaints from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submitWithPhotos(@RestForm("complaint") String complaint,
            @RestForm("photo") List<FileUpload> photos,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest http) {
        String language = uiLanguage(acceptLanguage);
        rateLimit.check(http, language);
        Optional<String> key = idempotencyKey(idempotencyKey);
        boolean id = "id".equals(language);
        List<FileUpload> uploads = photos == null ? List.of() : photos;
        if (uploads.size() > MAX_PHOTOS) {
            throw new ProblemException(Problem.of("too-many-photos", id ? "Terlalu banyak foto" : "Too many photos",
                    Response.Status.BAD_REQUEST, id ? "Kirim paling banyak " + MAX_PHOTOS + " foto."
                            : "Send at most " + MAX_PHOTOS + " photos."));
        }
        ComplaintRequest request = parser.parse(complaint, language);
        List<SanitizedImage> clean = new ArrayList<>();
        for (FileUpload upload : uploads) {
            clean.add(photo(upload, language));
        }
        Receipt receipt = submissions.submit(request, Channel.WEB, key, clean);
        return Response.accepted(receipt).location(URI.create("/api/v1/complaints/" + receipt.id())).build();
    }

    private SanitizedImage photo(FileUpload upload, String language) {
        boolean id = "id".equals(language);
        try {
            if (upload.size() > images.maxBytes()) {
                throw new PhotoRejectedException(PhotoRejectedException.TOO_LARGE);
            }
            return images.sanitize(Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PhotoRejectedException e) {
            if (PhotoRejectedException.TOO_LARGE.equals(e.reason())) {
                long mb = images.maxBytes() / (1024 * 1024);
                throw new ProblemException(Problem.of("photo-too-large", id ? "Foto terlalu besar" : "Photo too large",
                        Response.Status.REQUEST_ENTITY_TOO_LARGE, id ? "Setiap foto paling besar " + mb + " MB."
                                : "Each photo may be at most " + mb + " MB."));
            }
            throw new ProblemException(Problem.of("unsupported-photo", id ? "Foto tidak didukung" : "Unsupported photo",
                    Response.Status.UNSUPPORTED_MEDIA_TYPE, id ? "Foto harus berupa gambar JPEG atau PNG yang utuh."
                            : "Photos must be complete JPEG or PNG images."));
        }
    }

    private static Optional<String> idempotencyKey(String header) {
        Optional<String> key = Optional.ofNullable(header).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > 200) {
            throw new ProblemException(Problem.of("invalid-idempotency-key", "Invalid Idempotency-Key",
                    Response.Status.BAD_REQUEST, "Idempotency-Key must be at most 200 characters"));
        }
        return key;
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
