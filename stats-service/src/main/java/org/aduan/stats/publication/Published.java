package org.aduan.stats.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The shapes of the open-data API (JSON; the CSV columns follow the same names). Every count is a
 * {@link Count}: a number, or {@code null} with {@code suppressed: true} when it counts fewer than the
 * threshold, or would let a reader work out such a count by subtraction.
 */
public final class Published {

    private Published() {
    }

    /** A published count. */
    public record Count(Long count, boolean suppressed) {
        static Count of(CellSystem.Cell cell) {
            return new Count(cell.value(), cell.suppressed());
        }
    }

    /** One value of a dimension and its count. */
    public record Row(String key, String labelId, String labelEn, Long count, boolean suppressed) {
    }

    /** What a table was filtered by: one dimension at one value. */
    public record Filter(String dimension, String value) {
    }

    /** Data about the data, in every response. */
    public record About(Instant generatedAt, int suppressionThreshold, int minSample, Licence licence) {
    }

    public record Licence(String name, String url, String attribution) {
    }

    /** Complaints of a period (and filter), by one dimension; {@code total} is the sum of the rows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Table(String dimension, String period, Filter filter, Count total, List<Row> rows, About about) {
    }

    /** The headline tables in one response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String period, Filter filter, Count total, List<Row> byStatus, List<Row> byCategory,
            List<Row> byProvince, List<Row> byChannel, About about) {
    }

    /** One time cell of a trend. */
    public record Bucket(String bucket, LocalDate start, Long count, boolean suppressed) {
    }

    /** Complaints per day, ISO week, month or year of a period. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trend(String period, Filter filter, String interval, Count total, List<Bucket> buckets,
            About about) {
    }

    /**
     * One stage of the funnel: how many complaints got at least this far. Derived from the published
     * counts of complaints by furthest stage, so it is suppressed when they do not allow it.
     */
    public record FunnelStage(String stage, String labelId, String labelEn, Long reached, boolean suppressed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Funnel(String period, Filter filter, Count total, List<FunnelStage> stages, About about) {
    }

    /**
     * A rate, duration or average that rests on a sample: shown only when the sample has at least
     * {@code minSample} complaints; otherwise {@code sufficientSample} is false and the values are null.
     */
    public record Measure(Double value, boolean sufficientSample) {
    }

    /** Median and 90th percentile in hours, from submission. */
    public record Duration(Double medianHours, Double p90Hours, boolean sufficientSample) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseTimes(String period, Filter filter, Duration firstResponse, Duration closure,
            Measure slaCompliancePercent, Measure ratingAverage, About about) {
    }

    /** One agency's scorecard. {@code transfersOut} only without a filter (transfers are counted per period). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scorecard(String agency, String labelId, String labelEn, Count complaints,
            Measure slaCompliancePercent, Duration firstResponse, Duration closure, Measure ratingAverage,
            Count transfersOut) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scorecards(String period, Filter filter, List<Scorecard> agencies, About about) {
    }

    /** Transfers from one agency to another ({@code triage}: to the operators). */
    public record Flow(String from, String fromLabelId, String fromLabelEn, String to, String toLabelId,
            String toLabelEn, Long count, boolean suppressed) {
    }

    public record Transfers(String period, Count total, List<Row> outOf, List<Row> into, List<Flow> flows,
            About about) {
    }
}
