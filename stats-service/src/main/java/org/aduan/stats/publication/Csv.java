package org.aduan.stats.publication;

import java.util.List;

import org.aduan.stats.publication.Published.Count;
import org.aduan.stats.publication.Published.Duration;
import org.aduan.stats.publication.Published.Measure;
import org.aduan.stats.publication.Published.Row;

/**
 * The CSV form of each published shape. Column names are part of the API and never change meaning; a
 * suppressed count is an empty cell with {@code suppressed} = {@code true}; a measure on too small a sample
 * is an empty cell with its {@code *_sufficient_sample} = {@code false}. Every row repeats the period and
 * filter, so rows of different files can be stacked. {@code key} {@code *} marks a table's total.
 */
final class Csv {

    static final String TOTAL = "*";

    static final List<String> TABLE = List.of("period", "filter_dimension", "filter_value", "dimension", "key",
            "label_id", "label_en", "count", "suppressed");
    static final List<String> TREND = List.of("period", "filter_dimension", "filter_value", "interval", "bucket",
            "bucket_start", "count", "suppressed");
    static final List<String> FUNNEL = List.of("period", "filter_dimension", "filter_value", "stage", "label_id",
            "label_en", "reached", "suppressed");
    static final List<String> RESPONSE_TIMES = List.of("period", "filter_dimension", "filter_value",
            "first_response_median_hours", "first_response_p90_hours", "first_response_sufficient_sample",
            "closure_median_hours", "closure_p90_hours", "closure_sufficient_sample", "sla_compliance_percent",
            "sla_sufficient_sample", "rating_average", "rating_sufficient_sample");
    static final List<String> SCORECARDS = List.of("period", "filter_dimension", "filter_value", "agency", "label_id",
            "label_en", "complaints", "complaints_suppressed", "sla_compliance_percent", "sla_sufficient_sample",
            "first_response_median_hours", "first_response_p90_hours", "first_response_sufficient_sample",
            "closure_median_hours", "closure_p90_hours", "closure_sufficient_sample", "rating_average",
            "rating_sufficient_sample", "transfers_out", "transfers_out_suppressed");
    static final List<String> TRANSFERS = List.of("period", "from_agency", "to_agency", "count", "suppressed");

    private Csv() {
    }

    static String table(Published.Table t) {
        StringBuilder out = header(TABLE);
        String[] scope = scope(t.period(), t.filter());
        row(out, scope[0], scope[1], scope[2], t.dimension(), TOTAL, "", "", value(t.total()), t.total().suppressed());
        for (Row r : t.rows()) {
            row(out, scope[0], scope[1], scope[2], t.dimension(), r.key(), r.labelId(), r.labelEn(), r.count(),
                    r.suppressed());
        }
        return out.toString();
    }

    static String summary(Published.Summary s) {
        StringBuilder out = header(TABLE);
        String[] scope = scope(s.period(), s.filter());
        row(out, scope[0], scope[1], scope[2], "", TOTAL, "", "", value(s.total()), s.total().suppressed());
        String[] names = {"status", "category", "province", "channel"};
        List<List<Row>> tables = java.util.Arrays.asList(s.byStatus(), s.byCategory(), s.byProvince(), s.byChannel());
        for (int i = 0; i < names.length; i++) {
            if (tables.get(i) != null) {
                for (Row r : tables.get(i)) {
                    row(out, scope[0], scope[1], scope[2], names[i], r.key(), r.labelId(), r.labelEn(), r.count(),
                            r.suppressed());
                }
            }
        }
        return out.toString();
    }

    static String trend(Published.Trend t) {
        StringBuilder out = header(TREND);
        String[] scope = scope(t.period(), t.filter());
        row(out, scope[0], scope[1], scope[2], t.interval(), TOTAL, "", value(t.total()), t.total().suppressed());
        for (Published.Bucket b : t.buckets()) {
            row(out, scope[0], scope[1], scope[2], t.interval(), b.bucket(), b.start(), b.count(), b.suppressed());
        }
        return out.toString();
    }

    static String funnel(Published.Funnel f) {
        StringBuilder out = header(FUNNEL);
        String[] scope = scope(f.period(), f.filter());
        for (Published.FunnelStage s : f.stages()) {
            row(out, scope[0], scope[1], scope[2], s.stage(), s.labelId(), s.labelEn(), s.reached(), s.suppressed());
        }
        return out.toString();
    }

    static String responseTimes(Published.ResponseTimes r) {
        StringBuilder out = header(RESPONSE_TIMES);
        String[] scope = scope(r.period(), r.filter());
        row(out, scope[0], scope[1], scope[2], r.firstResponse().medianHours(), r.firstResponse().p90Hours(),
                r.firstResponse().sufficientSample(), r.closure().medianHours(), r.closure().p90Hours(),
                r.closure().sufficientSample(), r.slaCompliancePercent().value(),
                r.slaCompliancePercent().sufficientSample(), r.ratingAverage().value(),
                r.ratingAverage().sufficientSample());
        return out.toString();
    }

    static String scorecards(Published.Scorecards s) {
        StringBuilder out = header(SCORECARDS);
        String[] scope = scope(s.period(), s.filter());
        for (Published.Scorecard c : s.agencies()) {
            Duration fr = c.firstResponse();
            Duration cl = c.closure();
            Measure sla = c.slaCompliancePercent();
            Measure rating = c.ratingAverage();
            Count out1 = c.transfersOut();
            row(out, scope[0], scope[1], scope[2], c.agency(), c.labelId(), c.labelEn(), value(c.complaints()),
                    c.complaints().suppressed(), sla.value(), sla.sufficientSample(), fr.medianHours(), fr.p90Hours(),
                    fr.sufficientSample(), cl.medianHours(), cl.p90Hours(), cl.sufficientSample(), rating.value(),
                    rating.sufficientSample(), out1 == null ? null : value(out1), out1 == null ? null : out1.suppressed());
        }
        return out.toString();
    }

    static String transfers(Published.Transfers t) {
        StringBuilder out = header(TRANSFERS);
        row(out, t.period(), TOTAL, TOTAL, value(t.total()), t.total().suppressed());
        for (Row r : t.outOf()) {
            row(out, t.period(), r.key(), TOTAL, r.count(), r.suppressed());
        }
        for (Row r : t.into()) {
            row(out, t.period(), TOTAL, r.key(), r.count(), r.suppressed());
        }
        for (Published.Flow f : t.flows()) {
            row(out, t.period(), f.from(), f.to(), f.count(), f.suppressed());
        }
        return out.toString();
    }

    private static Long value(Count count) {
        return count.count();
    }

    private static String[] scope(String period, Published.Filter filter) {
        return new String[] {period, filter == null ? "" : filter.dimension(), filter == null ? "" : filter.value()};
    }

    private static StringBuilder header(List<String> columns) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns)).append("\r\n");
        return out;
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; null is an empty cell. */
    static String escape(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
