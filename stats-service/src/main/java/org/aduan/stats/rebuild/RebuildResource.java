package org.aduan.stats.rebuild;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aduan.stats.StatsConfig;
import org.aduan.stats.problem.Language;
import org.aduan.stats.problem.Problem;
import org.aduan.stats.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rebuild of every statistics table by replaying the event log from the beginning, for operators.
 * Requests must carry the configured admin token in {@code X-Admin-Token} (OIDC comes with a later
 * issue); without a configured token these endpoints are disabled.
 */
@Tag(name = "Administration")
@Path("/api/v1/stats/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    static final String TOKEN_HEADER = "X-Admin-Token";

    private final Rebuilds rebuilds;
    private final StatsConfig config;

    RebuildResource(Rebuilds rebuilds, StatsConfig config) {
        this.rebuilds = rebuilds;
        this.config = config;
    }

    /**
     * Starts a rebuild: every topic is replayed from offset zero into fresh tables, which replace the live
     * ones in one transaction once the replay has caught up; the live projection keeps running meanwhile.
     *
     * @return 202 with the rebuild's progress; its URL is in {@code Location}
     */
    @POST
    @Operation(summary = "Start a rebuild by replay")
    @APIResponse(responseCode = "202", description = "started")
    @APIResponse(responseCode = "401", description = "no or wrong admin token")
    @APIResponse(responseCode = "409", description = "a rebuild is already running")
    @APIResponse(responseCode = "503", description = "no admin token is configured")
    public Response start(@Parameter(hidden = true) @HeaderParam(TOKEN_HEADER) String token,
            @Parameter(hidden = true) @HeaderParam("Accept-Language") String acceptLanguage) {
        String language = Language.of(acceptLanguage);
        authorise(token, language);
        try {
            Rebuilds.Progress progress = rebuilds.start();
            return Response.accepted(progress).location(URI.create("/api/v1/stats/admin/rebuild/" + progress.id()))
                    .build();
        } catch (Rebuilds.AlreadyRunning e) {
            throw new ProblemException(Problem.of("rebuild-running",
                    "en".equals(language) ? "A rebuild is already running" : "Pembangunan ulang sedang berjalan", 409,
                    ("en".equals(language) ? "Follow it at " : "Pantau di ") + "/api/v1/stats/admin/rebuild/" + e.id));
        }
    }

    /** Progress of one rebuild: events read of those to replay, percent, state. */
    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a rebuild")
    @APIResponse(responseCode = "200", description = "the rebuild")
    @APIResponse(responseCode = "404", description = "no such rebuild")
    public Rebuilds.Progress progress(@PathParam("id") long id,
            @Parameter(hidden = true) @HeaderParam(TOKEN_HEADER) String token,
            @Parameter(hidden = true) @HeaderParam("Accept-Language") String acceptLanguage) {
        String language = Language.of(acceptLanguage);
        authorise(token, language);
        return rebuilds.find(id).orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "en".equals(language) ? "Not found" : "Tidak ditemukan", 404,
                ("en".equals(language) ? "No rebuild " : "Tidak ada pembangunan ulang ") + id)));
    }

    /** The latest rebuilds, newest first. */
    @GET
    @Operation(summary = "Latest rebuilds")
    public List<Rebuilds.Progress> list(@Parameter(hidden = true) @HeaderParam(TOKEN_HEADER) String token,
            @Parameter(hidden = true) @HeaderParam("Accept-Language") String acceptLanguage) {
        authorise(token, Language.of(acceptLanguage));
        return rebuilds.list();
    }

    private void authorise(String token, String language) {
        boolean en = "en".equals(language);
        String expected = config.rebuild().adminToken().filter(t -> !t.isBlank()).orElse(null);
        if (expected == null) {
            throw new ProblemException(Problem.of("admin-disabled",
                    en ? "Administration is disabled" : "Administrasi dinonaktifkan", 503,
                    en ? "No admin token is configured (ADUAN_STATS_ADMIN_TOKEN)."
                            : "Token admin belum dikonfigurasi (ADUAN_STATS_ADMIN_TOKEN)."));
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of("unauthorized", en ? "Not authorised" : "Tidak berwenang", 401,
                    en ? "Send the admin token in " + TOKEN_HEADER + "." : "Kirim token admin di " + TOKEN_HEADER + "."));
        }
    }
}
