package org.aduan.stats.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.aduan.stats.projection.Stage;
import org.aduan.stats.publication.CellSystem.Cell;
import org.aduan.stats.publication.Cubes.Filter;
import org.aduan.stats.publication.Published.About;
import org.aduan.stats.publication.Published.Bucket;
import org.aduan.stats.publication.Published.Count;
import org.aduan.stats.publication.Published.Duration;
import org.aduan.stats.publication.Published.Flow;
import org.aduan.stats.publication.Published.FunnelStage;
import org.aduan.stats.publication.Published.Measure;
import org.aduan.stats.publication.Published.Row;

/**
 * Every published figure of one snapshot. The API (JSON and CSV) and the dashboard read only this, so they
 * all show the same, equally suppressed numbers.
 */
public final class Figures {

    private final Snapshot snapshot;
    private final Cubes cubes;
    private final int minSample;
    private final About about;

    Figures(Snapshot snapshot, int minCell, int minSample, Published.Licence licence) {
        this.snapshot = snapshot;
        this.cubes = new Cubes(snapshot, minCell);
        this.minSample = minSample;
        this.about = new About(snapshot.takenAt, minCell, minSample, licence);
    }

    /** Identifies the data: the same projection content gives the same tag. */
    public String tag() {
        return Long.toHexString(snapshot.fingerprint);
    }

    public About about() {
        return about;
    }

    public Published.Table table(Dimension by, Scope scope) {
        Cell total = cubes.total(scope.bucket(), scope.filter());
        return new Published.Table(by.apiName, scope.periodName(), scope.view(), Count.of(total), rows(by, scope),
                about);
    }

    public Published.Summary summary(Scope scope) {
        return new Published.Summary(scope.periodName(), scope.view(),
                Count.of(cubes.total(scope.bucket(), scope.filter())),
                scope.breaksDown(Dimension.STATUS) ? rows(Dimension.STATUS, scope) : null,
                scope.breaksDown(Dimension.CATEGORY) ? rows(Dimension.CATEGORY, scope) : null,
                scope.breaksDown(Dimension.PROVINCE) ? rows(Dimension.PROVINCE, scope) : null,
                scope.breaksDown(Dimension.CHANNEL) ? rows(Dimension.CHANNEL, scope) : null, about);
    }

    /** Rows of a table: every value of the dimension's universe (zero or not), then every other counted value. */
    private List<Row> rows(Dimension by, Scope scope) {
        List<Row> rows = new ArrayList<>();
        Optional<Filter> filter = scope.filter();
        boolean regenciesOfProvince = by == Dimension.REGENCY && filter.isPresent()
                && filter.get().dimension() == Dimension.PROVINCE;
        for (String key : cubes.rowKeys(by)) {
            if (regenciesOfProvince && !Regions.provinceOfRegencyKey(key).equals(filter.get().key())) {
                continue;
            }
            Cell cell = cubes.cell(scope.bucket(), filter, by, key);
            boolean listed = by.alwaysListed(key);
            if (listed || cell.suppressed() || cell.count() > 0) {
                rows.add(new Row(key, by.label(key, "id"), by.label(key, "en"), cell.value(), cell.suppressed()));
            }
        }
        return rows;
    }

    /** Complaints per time cell of one level, within the period. */
    public Published.Trend trend(TimeBucket.Level interval, Scope scope) {
        List<Bucket> buckets = new ArrayList<>();
        for (int bucket : cubes.buckets(interval, scope.period(), scope.filter())) {
            Cell cell = cubes.total(bucket, scope.filter());
            buckets.add(new Bucket(TimeBucket.name(bucket), TimeBucket.start(bucket), cell.value(), cell.suppressed()));
        }
        return new Published.Trend(scope.periodName(), scope.view(), interval.name().toLowerCase(),
                Count.of(cubes.total(scope.bucket(), scope.filter())), buckets, about);
    }

    /**
     * How many complaints reached each stage. A stage's figure is the sum of the published counts by
     * furthest stage from it onwards (or the total minus those before it); when neither sum is free of
     * suppressed cells, it is suppressed too. It reveals nothing the stage counts do not.
     */
    public Published.Funnel funnel(Scope scope) {
        Cell total = cubes.total(scope.bucket(), scope.filter());
        Stage[] stages = Stage.values();
        Cell[] furthest = new Cell[stages.length];
        for (int i = 0; i < stages.length; i++) {
            furthest[i] = cubes.cell(scope.bucket(), scope.filter(), Dimension.STAGE, stages[i].name());
        }
        List<FunnelStage> out = new ArrayList<>();
        for (int s = 0; s < stages.length; s++) {
            Long reached = sum(furthest, s, stages.length);
            if (reached == null && !total.suppressed()) {
                Long before = sum(furthest, 0, s);
                reached = before == null ? null : total.count() - before;
            }
            out.add(new FunnelStage(stages[s].name(), stages[s].labelId, stages[s].labelEn, reached, reached == null));
        }
        return new Published.Funnel(scope.periodName(), scope.view(), Count.of(total), out, about);
    }

    private static Long sum(Cell[] cells, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            if (cells[i].suppressed()) {
                return null;
            }
            sum += cells[i].count();
        }
        return sum;
    }

    /** Response times, SLA compliance and satisfaction of all complaints in scope. */
    public Published.ResponseTimes responseTimes(Scope scope) {
        IntPredicate inScope = inScope(scope);
        Sample sample = sample(inScope);
        return new Published.ResponseTimes(scope.periodName(), scope.view(), sample.firstResponse(),
                sample.closure(), sample.slaCompliance(), ratingAverage(sample, scope, Optional.empty()), about);
    }

    /** One scorecard per agency with complaints in scope. */
    public Published.Scorecards scorecards(Scope scope) {
        IntPredicate inScope = inScope(scope);
        int[] agencyOf = snapshot.valueOf.get(Dimension.AGENCY);
        Snapshot.Dictionary agencies = snapshot.values.get(Dimension.AGENCY);
        SampleBuilder[] samples = new SampleBuilder[agencies.size()];
        for (int i = 0; i < snapshot.size; i++) {
            if (inScope.test(i)) {
                if (samples[agencyOf[i]] == null) {
                    samples[agencyOf[i]] = new SampleBuilder();
                }
                samples[agencyOf[i]].add(i);
            }
        }
        List<Published.Scorecard> cards = new ArrayList<>();
        for (int a = 0; a < agencies.size(); a++) {
            String agency = agencies.key(a);
            Cell complaints = cubes.cell(scope.bucket(), scope.filter(), Dimension.AGENCY, agency);
            if (!complaints.suppressed() && complaints.count() == 0) {
                continue;
            }
            Sample sample = (samples[a] == null ? new SampleBuilder() : samples[a]).build();
            Count transfersOut = scope.filter().isPresent() ? null
                    : Count.of(cubes.transfers(scope.bucket(), agency, null));
            cards.add(new Published.Scorecard(agency, Dimension.AGENCY.label(agency, "id"),
                    Dimension.AGENCY.label(agency, "en"), Count.of(complaints), sample.slaCompliance(),
                    sample.firstResponse(), sample.closure(), ratingAverage(sample, scope, Optional.of(agency)),
                    transfersOut));
        }
        return new Published.Scorecards(scope.periodName(), scope.view(), cards, about);
    }

    /** Transfers between agencies of complaints submitted in the period. */
    public Published.Transfers transfers(Scope scope) {
        int bucket = scope.bucket();
        Map<String, Row> outOf = new LinkedHashMap<>();
        Map<String, Row> into = new LinkedHashMap<>();
        List<Flow> flows = new ArrayList<>();
        for (String[] pair : cubes.transferPairs(bucket)) {
            Cell cell = cubes.transfers(bucket, pair[0], pair[1]);
            flows.add(new Flow(pair[0], agencyLabel(pair[0], "id"), agencyLabel(pair[0], "en"), pair[1],
                    agencyLabel(pair[1], "id"), agencyLabel(pair[1], "en"), cell.value(), cell.suppressed()));
            outOf.computeIfAbsent(pair[0], from -> transferRow(bucket, from, true));
            into.computeIfAbsent(pair[1], to -> transferRow(bucket, to, false));
        }
        return new Published.Transfers(scope.periodName(), Count.of(cubes.transfers(bucket, null, null)),
                List.copyOf(outOf.values()), List.copyOf(into.values()), flows, about);
    }

    private Row transferRow(int bucket, String agency, boolean out) {
        Cell cell = out ? cubes.transfers(bucket, agency, null) : cubes.transfers(bucket, null, agency);
        return new Row(agency, agencyLabel(agency, "id"), agencyLabel(agency, "en"), cell.value(), cell.suppressed());
    }

    private static String agencyLabel(String key, String language) {
        if (Snapshot.TRIAGE.equals(key)) {
            return "en".equals(language) ? "Operators' triage" : "Pemilahan oleh operator";
        }
        return Dimension.AGENCY.label(key, language);
    }

    // --- samples ----------------------------------------------------------------------------------------

    private IntPredicate inScope(Scope scope) {
        Optional<Filter> filter = scope.filter();
        int[] values = filter.map(f -> snapshot.valueOf.get(f.dimension())).orElse(null);
        int wanted = filter.map(f -> snapshot.values.get(f.dimension()).find(f.key())).orElse(-1);
        Period period = scope.period();
        return i -> (values == null || values[i] == wanted) && period.contains(LocalDate.ofEpochDay(snapshot.day[i]));
    }

    private Sample sample(IntPredicate member) {
        SampleBuilder builder = new SampleBuilder();
        for (int i = 0; i < snapshot.size; i++) {
            if (member.test(i)) {
                builder.add(i);
            }
        }
        return builder.build();
    }

    /** Collects the durations, SLA outcomes and ratings of some complaints. */
    private final class SampleBuilder {
        private final List<Long> responses = new ArrayList<>();
        private final List<Long> closures = new ArrayList<>();
        private long met;
        private long missed;
        private long ratingSum;
        private long rated;
        private final int[] ratings = snapshot.valueOf.get(Dimension.RATING);
        private final Snapshot.Dictionary ratingKeys = snapshot.values.get(Dimension.RATING);

        void add(int i) {
            if (snapshot.firstResponseSeconds[i] >= 0) {
                responses.add(snapshot.firstResponseSeconds[i]);
            }
            if (snapshot.closureSeconds[i] >= 0) {
                closures.add(snapshot.closureSeconds[i]);
            }
            if (snapshot.sla[i] == Snapshot.SLA_MET) {
                met++;
            } else if (snapshot.sla[i] == Snapshot.SLA_MISSED) {
                missed++;
            }
            String rating = ratingKeys.key(ratings[i]);
            if (!Dimension.NOT_RATED.equals(rating)) {
                ratingSum += Integer.parseInt(rating);
                rated++;
            }
        }

        Sample build() {
            return new Sample(sorted(responses), sorted(closures), met, missed, ratingSum, rated, minSample);
        }
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /**
     * The average rating, when enough complaints were rated, and unless the published rating counts of the
     * same scope are partly suppressed: with the number rated known, an exact average would then let a
     * reader solve for the hidden counts.
     */
    private Measure ratingAverage(Sample sample, Scope scope, Optional<String> agency) {
        if (sample.rated < minSample) {
            return new Measure(null, false);
        }
        Optional<Filter> cellFilter = agency.map(a -> new Filter(Dimension.AGENCY, a)).or(scope::filter);
        boolean countsPublished = agency.isEmpty() || scope.filter().isEmpty();
        if (countsPublished) {
            for (int r = 1; r <= 5; r++) {
                if (cubes.cell(scope.bucket(), cellFilter, Dimension.RATING, String.valueOf(r)).suppressed()) {
                    return new Measure(null, false);
                }
            }
        }
        return new Measure(Math.round(10.0 * sample.ratingSum / sample.rated) / 10.0, true);
    }

    private record Sample(long[] responses, long[] closures, long met, long missed, long ratingSum, long rated,
            int minSample) {

        Duration firstResponse() {
            return duration(responses);
        }

        Duration closure() {
            return duration(closures);
        }

        /** Share of the agency's decided cases answered before any escalation; whole percent. */
        Measure slaCompliance() {
            long decided = met + missed;
            return decided < minSample ? new Measure(null, false)
                    : new Measure((double) Math.round(100.0 * met / decided), true);
        }

        private Duration duration(long[] seconds) {
            if (seconds.length < minSample) {
                return new Duration(null, null, false);
            }
            return new Duration(hours(percentile(seconds, 50)), hours(percentile(seconds, 90)), true);
        }

        /** Nearest-rank percentile of sorted values. */
        private static long percentile(long[] sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        private static double hours(long seconds) {
            return Math.round(seconds / 360.0) / 10.0;
        }
    }
}
