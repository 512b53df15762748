package org.aduan.stats.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aduan.stats.StatsConfig;
import org.aduan.stats.problem.Language;
import org.aduan.stats.problem.Problem;
import org.aduan.stats.problem.Problem.FieldError;
import org.aduan.stats.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open statistics of public complaints: how many come in, about what, where, through which channel, and
 * how well each agency answers. Built from anonymised facts only: no complaint text or reporter identity
 * is stored by stats-service.
 * <p>
 * Every count counting fewer than {@code suppressionThreshold} (10) complaints is suppressed: its value is
 * {@code null} and {@code suppressed} is {@code true} (CSV: an empty cell and {@code true}). Further counts
 * are suppressed where a total or the other rows would otherwise let a reader work it out by subtraction,
 * consistently across all tables. Rates, medians and averages are shown only when they rest on at least
 * {@code minSample} complaints, and say so when they do not.
 * <p>
 * Each endpoint answers JSON or CSV ({@code format=csv} or {@code Accept: text/csv}), takes a period
 * ({@code all}, a year {@code 2026} or a month {@code 2026-03}, by submission date, Asia/Jakarta) and at
 * most one filter ({@code province}, {@code regency}, {@code category}, {@code agency} or {@code channel}).
 * Responses carry {@code ETag}, {@code Last-Modified} and {@code Cache-Control}; the data licence is in
 * {@code about.licence} and in a {@code Link: rel="license"} header.
 */
@Tag(name = "Open statistics")
@Path("/api/v1/stats")
@Produces({MediaType.APPLICATION_JSON, OpenStatisticsResource.CSV})
public class OpenStatisticsResource {

    static final String CSV = "text/csv";

    private final PublishedFigures figures;
    private final ObjectMapper json;
    private final StatsConfig config;

    @Context
    UriInfo uri;
    @Context
    Request request;
    @Context
    HttpHeaders headers;

    /** The parameters every endpoint takes. */
    public static class Query {
        @QueryParam("period")
        @Parameter(description = "all (default), a year (2026) or a month (2026-03), by submission date")
        String period;
        @QueryParam("province")
        @Parameter(description = "filter: Kemendagri province code, e.g. 32")
        String province;
        @QueryParam("regency")
        @Parameter(description = "filter: regency/city code, e.g. 32.73")
        String regency;
        @QueryParam("category")
        @Parameter(description = "filter: category code, e.g. infrastruktur")
        String category;
        @QueryParam("agency")
        @Parameter(description = "filter: agency id, e.g. pemda-32.73")
        String agency;
        @QueryParam("channel")
        @Parameter(description = "filter: WEB, API, SMS, WHATSAPP, TELEGRAM or X")
        String channel;
        @QueryParam("format")
        @Parameter(description = "json (default) or csv; overrides Accept")
        String format;
        @HeaderParam("Accept-Language")
        @Parameter(hidden = true)
        String acceptLanguage;

        String language() {
            return Language.of(acceptLanguage);
        }

        Scope scope() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("province", province);
            filters.put("regency", regency);
            filters.put("category", category);
            filters.put("agency", agency);
            filters.put("channel", channel);
            return Scope.of(period, filters, language());
        }
    }

    OpenStatisticsResource(PublishedFigures figures, ObjectMapper json, StatsConfig config) {
        this.figures = figures;
        this.json = json;
        this.config = config;
    }

    /**
     * The headline tables: total, and complaints by current status, category, province and channel (the
     * table of the filtered dimension is left out).
     */
    @GET
    @Path("/summary")
    @Operation(summary = "Total and complaints by status, category, province and channel")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.Summary.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response summary(@BeanParam Query q) {
        Scope scope = q.scope();
        return respond(q, f -> f.summary(scope), Csv::summary);
    }

    /**
     * Complaints by one dimension: {@code province}, {@code regency}, {@code category}, {@code channel},
     * {@code agency}, {@code status} (current status), {@code stage} (furthest stage reached) or
     * {@code rating} (the citizen's rating, 1 to 5, or {@code none}).
     */
    @GET
    @Path("/counts/{dimension}")
    @Operation(summary = "Complaints by one dimension")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.Table.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "not a dimension")
    public Response counts(@Parameter(description = "province, regency, category, channel, agency, status, stage or rating")
            @PathParam("dimension") String dimension, @BeanParam Query q) {
        String language = q.language();
        Dimension by = Dimension.ofApiName(dimension).orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "en".equals(language) ? "Not found" : "Tidak ditemukan", 404,
                ("en".equals(language) ? "No such dimension: " : "Dimensi tidak ada: ") + dimension)));
        Scope scope = q.scope().breakingDown(by, language);
        return respond(q, f -> f.table(by, scope), Csv::table);
    }

    /** Complaints per day, ISO week, month or year within the period. */
    @GET
    @Path("/trend")
    @Operation(summary = "Complaints over time")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.Trend.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response trend(@Parameter(description = "day, week, month (default) or year; day and week need a "
            + "period of one year or one month") @QueryParam("interval") String interval, @BeanParam Query q) {
        String language = q.language();
        Scope scope = q.scope();
        TimeBucket.Level level;
        try {
            level = TimeBucket.Level.valueOf((interval == null || interval.isBlank() ? "month" : interval)
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            level = TimeBucket.Level.ALL;
        }
        if (level == TimeBucket.Level.ALL) {
            throw Scope.invalid(List.of(new FieldError("interval", Scope.Message.INTERVAL.in(language))), language);
        }
        if ((level == TimeBucket.Level.DAY || level == TimeBucket.Level.WEEK)
                && scope.period().level() == TimeBucket.Level.ALL) {
            throw Scope.invalid(List.of(new FieldError("interval", Scope.Message.INTERVAL_PERIOD.in(language))),
                    language);
        }
        TimeBucket.Level chosen = level;
        return respond(q, f -> f.trend(chosen, scope), Csv::trend);
    }

    /** How many complaints got at least as far as received, routed, in progress, responded and closed. */
    @GET
    @Path("/funnel")
    @Operation(summary = "Status funnel")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.Funnel.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response funnel(@BeanParam Query q) {
        Scope scope = q.scope();
        return respond(q, f -> f.funnel(scope), Csv::funnel);
    }

    /**
     * Time to first response and to closure (median, 90th percentile, hours), SLA compliance (share of
     * decided cases answered before any escalation) and the average rating.
     */
    @GET
    @Path("/response-times")
    @Operation(summary = "Response times, SLA compliance and satisfaction")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.ResponseTimes.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response responseTimes(@BeanParam Query q) {
        Scope scope = q.scope();
        return respond(q, f -> f.responseTimes(scope), Csv::responseTimes);
    }

    /**
     * One scorecard per agency: complaints, SLA compliance, time to first response and closure, average
     * rating and transfers to other agencies. Each complaint counts for the agency that holds it now.
     */
    @GET
    @Path("/agencies")
    @Operation(summary = "Agency scorecards")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.Scorecards.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response agencies(@BeanParam Query q) {
        Scope scope = q.scope().breakingDown(Dimension.AGENCY, q.language());
        return respond(q, f -> f.scorecards(scope), Csv::scorecards);
    }

    /**
     * Transfers between agencies ("not ours"), of complaints submitted in the period: the total, out of and
     * into each agency, and each flow; {@code triage} is the operators' queue. Only the period applies.
     */
    @GET
    @Path("/transfers")
    @Operation(summary = "Transfers between agencies")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.Transfers.class)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response transfers(@BeanParam Query q) {
        String language = q.language();
        Scope scope = q.scope();
        if (scope.filter().isPresent()) {
            throw Scope.invalid(List.of(new FieldError(scope.filter().get().dimension().apiName,
                    Scope.Message.SAME_DIMENSION.in(language))), language);
        }
        return respond(q, f -> f.transfers(scope), Csv::transfers);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /**
     * Answers from the current figures in the negotiated format, with validators and caching headers; 304
     * when the client's copy is current.
     */
    private <T> Response respond(Query q, Function<Figures, T> body, Function<T, String> csv) {
        boolean asCsv = wantsCsv(q);
        Figures current = figures.current();
        EntityTag tag = new EntityTag(hash(current.tag() + "|" + uri.getRequestUri().getRawQuery() + "|"
                + uri.getPath() + "|" + asCsv));
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) config.snapshotMaxAge().toSeconds());
        cache.setPrivate(false);
        Date lastModified = Date.from(current.about().generatedAt());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(asCsv ? csv.apply(body.apply(current)) : write(body, current))
                        .type(asCsv ? CSV + "; charset=utf-8" : MediaType.APPLICATION_JSON);
        if (asCsv && notModified == null) {
            builder.header("Content-Disposition", "inline; filename=\"aduan-" + uri.getPath()
                    .substring(uri.getPath().lastIndexOf('/') + 1) + ".csv\"");
        }
        return builder.tag(tag).cacheControl(cache).lastModified(lastModified).header("Vary", "Accept")
                .header("Link", "<" + config.licence().url() + ">; rel=\"license\"").build();
    }

    private <T> String write(Function<Figures, T> body, Figures current) {
        try {
            return json.writeValueAsString(body.apply(current));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean wantsCsv(Query q) {
        String language = q.language();
        if (q.format != null && !q.format.isBlank()) {
            return switch (q.format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw Scope.invalid(List.of(new FieldError("format", Scope.Message.FORMAT.in(language))),
                        language);
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
