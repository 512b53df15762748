package org.aduan.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.aduan.stats.SubtractionAttack;
import org.aduan.stats.projection.Stage;
import org.aduan.stats.publication.Cubes.Filter;
import org.aduan.stats.publication.Published.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Publishes every table of a synthetic data set (all periods, every filter, every breakdown, every trend,
 * the transfers), then attacks the published numbers by subtraction, the way a curious reader would.
 */
class SmallCellSuppressionTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Published.Licence LICENCE = new Published.Licence("CC BY 4.0", "https://example.org", "test");

    /** One synthetic complaint, with the values it has in every dimension. */
    record Complaint(LocalDate day, Map<Dimension, String> values) {
    }

    /** A transfer of a complaint (by index). */
    record Transfer(int complaint, String from, String to) {
    }

    private final List<Complaint> complaints = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();

    /** One line: cell 1 is the total of cells 2, 3, ... */
    private static final CellSystem.Parents ONE_LINE = new CellSystem.Parents() {
        @Override
        public int kinds() {
            return 1;
        }

        @Override
        public long parent(long key, int kind) {
            return key == 1 ? -1 : 1;
        }
    };

    @Test
    void singleLineSuppressesTheSmallCellAndTheNextSmallest() {
        CellSystem cells = new CellSystem(10);
        cells.add(1, 55);
        cells.add(2, 3);
        cells.add(3, 12);
        cells.add(4, 40);
        CellSystem.Solved solved = cells.solve(ONE_LINE);

        assertThat(solved.isSuppressed(2)).as("3: primary").isTrue();
        assertThat(solved.isSuppressed(3)).as("12: the next smallest, or 3 = 55 - 12 - 40").isTrue();
        assertThat(solved.isSuppressed(4)).isFalse();
        assertThat(solved.isSuppressed(1)).isFalse();
    }

    @Test
    void suppressedCellsThatStillAddUpToASmallNumberTakeAnotherOne() {
        CellSystem cells = new CellSystem(10);
        cells.add(1, 105);
        cells.add(2, 2);
        cells.add(3, 3);
        cells.add(4, 50);
        cells.add(5, 50);
        CellSystem.Solved solved = cells.solve(ONE_LINE);

        // 2 and 3 alone would publish "5 complaints between these two"
        assertThat(solved.isSuppressed(2)).isTrue();
        assertThat(solved.isSuppressed(3)).isTrue();
        assertThat(solved.isSuppressed(4) || solved.isSuppressed(5)).isTrue();
    }

    @Test
    void aTotalEqualToItsOnlySmallTermIsSuppressedToo() {
        CellSystem cells = new CellSystem(10);
        cells.add(1, 4);
        cells.add(2, 4);
        CellSystem.Solved solved = cells.solve(ONE_LINE);

        assertThat(solved.isSuppressed(1)).isTrue();
        assertThat(solved.isSuppressed(2)).isTrue();
    }

    @Test
    void aLoneHiddenTermUnderAPublishedTotalTakesTheTotalWithIt() {
        CellSystem cells = new CellSystem(10);
        cells.add(1, 14);
        cells.add(2, 14);
        cells.markSensitive(2);
        CellSystem.Solved solved = cells.solve(ONE_LINE);

        assertThat(solved.isSuppressed(1)).as("14 = the hidden 14").isTrue();
    }

    @Test
    void theComplementIsASiblingWhoseHidingDoesNotDragAnotherTotalAlong() {
        // line 1 = 2 + 3 + 4; cell 3 is also all there is of line 5 (5 = 3), so hiding 3 would hide 5 too
        CellSystem cells = new CellSystem(10);
        cells.add(1, 50);
        cells.add(2, 7);
        cells.add(3, 20);
        cells.add(4, 23);
        cells.add(5, 20);
        CellSystem.Solved solved = cells.solve(new CellSystem.Parents() {
            @Override
            public int kinds() {
                return 2;
            }

            @Override
            public long parent(long key, int kind) {
                if (kind == 0) {
                    return key >= 2 && key <= 4 ? 1 : -1;
                }
                return key == 3 ? 5 : -1;
            }
        });

        assertThat(solved.isSuppressed(2)).isTrue();
        assertThat(solved.isSuppressed(4)).as("23: the next sibling that hides nothing else").isTrue();
        assertThat(solved.isSuppressed(3)).isFalse();
        assertThat(solved.isSuppressed(5)).isFalse();
    }

    @Test
    void zeroIsPublished() {
        CellSystem cells = new CellSystem(10);
        cells.add(1, 0);
        CellSystem.Solved solved = cells.solve(ONE_LINE);

        assertThat(solved.published(1)).isEqualTo(new CellSystem.Cell(0, false));
        assertThat(solved.published(99)).isEqualTo(new CellSystem.Cell(0, false));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noSuppressedCellCanBeRecoveredByAnySubtractionOfPublishedNumbers(long seed) {
        generate(seed);
        Figures figures = figures();
        SubtractionAttack attack = new SubtractionAttack();

        publishEverything(figures, attack);
        Map<String, Long> recovered = attack.run();

        assertThat(attack.equations()).isGreaterThan(1000);
        assertThat(attack.hidden()).isNotEmpty();
        assertThat(recovered).as("suppressed cells worked out by subtraction").isEmpty();
    }

    @Test
    void aProvinceWithThreeComplaintsIsSuppressedWhereverItAppears() {
        generate(7);
        // Gorontalo (75): exactly three complaints, all in one month, about roads
        for (int i = 0; i < 3; i++) {
            complaints.add(complaint(LocalDate.of(2025, 11, 3 + i), "75.01", "infrastruktur", "pemda-75", "WEB",
                    "ROUTED", 1, null));
        }
        Figures figures = figures();
        SubtractionAttack attack = new SubtractionAttack();

        publishEverything(figures, attack);

        List<String> gorontalo = attack.hidden().stream().filter(id -> id.contains("province=75")).toList();
        assertThat(gorontalo).contains("all|province=75", "2025|province=75", "2025-11|province=75",
                "all|province=75|category=infrastruktur");
        assertThat(attack.run().keySet()).noneMatch(id -> id.contains("province=75") || id.contains("75.01"));
        assertThat(figures.table(Dimension.PROVINCE, new Scope(Period.ALL, Optional.empty())).rows())
                .filteredOn(r -> r.key().equals("75")).singleElement()
                .satisfies(r -> {
                    assertThat(r.count()).isNull();
                    assertThat(r.suppressed()).isTrue();
                });
    }

    @Test
    void publishedCountsAreTheTrueCounts() {
        generate(11);
        Figures figures = figures();
        SubtractionAttack attack = new SubtractionAttack();
        publishEverything(figures, attack); // asserts every published count against a count of the raw list

        Published.Table categories = figures.table(Dimension.CATEGORY, new Scope(Period.ALL, Optional.empty()));
        long publishedSum = categories.rows().stream().filter(r -> !r.suppressed()).mapToLong(Row::count).sum();
        assertThat(categories.total().count()).isEqualTo(complaints.size());
        assertThat(publishedSum).isLessThanOrEqualTo(complaints.size());
    }

    @Test
    void theSameDataAlwaysPublishesTheSameCells() {
        generate(3);
        SubtractionAttack first = new SubtractionAttack();
        SubtractionAttack second = new SubtractionAttack();
        Figures a = figures();
        Figures b = figures();
        // ask in a different order the second time: solved cubes must not depend on it
        b.table(Dimension.RATING, new Scope(Period.ALL, Optional.of(new Filter(Dimension.AGENCY, "pln"))));
        b.table(Dimension.REGENCY, new Scope(Period.ALL, Optional.of(new Filter(Dimension.CATEGORY, "air"))));

        publishEverything(a, first);
        publishEverything(b, second);

        assertThat(second.hidden()).isEqualTo(first.hidden());
        assertThat(a.tag()).isEqualTo(b.tag());
    }

    // --- the synthetic world ---------------------------------------------------------------------------

    private static final String[] REGIONS = {"32.73", "32.04", "32", "31.71", "35.78", "51.71", "94.71", "99.99", null};
    private static final String[] CATEGORIES = {"infrastruktur", "air", "kesehatan", "korupsi", "bansos", null};
    private static final String[] AGENCIES = {"pemda-32.73", "pemda-32", "pln", "pemda-31.71", "kemenkes", null};
    private static final String[] CHANNELS = {"WEB", "SMS", "WHATSAPP"};
    private static final String[] STATUSES = {"ROUTED", "IN_PROGRESS", "RESPONDED", "CLOSED", "FUTURE_STATUS"};

    private void generate(long seed) {
        Random random = new Random(seed);
        int n = 1500 + random.nextInt(1500);
        LocalDate start = LocalDate.of(2025, 10, 1);
        for (int i = 0; i < n; i++) {
            // skewed: the first values are common, the last rare, so small cells appear everywhere
            LocalDate day = start.plusDays(skewed(random, 120));
            String status = STATUSES[skewed(random, STATUSES.length)];
            int stage = Stage.reachedBy(status).rank;
            Integer rating = random.nextInt(4) == 0 ? 1 + skewed(random, 5) : null;
            complaints.add(complaint(day, REGIONS[skewed(random, REGIONS.length)],
                    CATEGORIES[skewed(random, CATEGORIES.length)], AGENCIES[skewed(random, AGENCIES.length)],
                    CHANNELS[skewed(random, CHANNELS.length)], status, stage, rating));
            if (random.nextInt(8) == 0) {
                String from = AGENCIES[skewed(random, AGENCIES.length - 1)];
                String to = random.nextInt(5) == 0 ? null : AGENCIES[skewed(random, AGENCIES.length - 1)];
                transfers.add(new Transfer(complaints.size() - 1, from, to));
            }
        }
    }

    private static int skewed(Random random, int bound) {
        double u = random.nextDouble();
        return Math.min(bound - 1, (int) (bound * u * u));
    }

    private Complaint complaint(LocalDate day, String region, String category, String agency, String channel,
            String status, int stage, Integer rating) {
        Map<Dimension, String> values = new LinkedHashMap<>();
        values.put(Dimension.PROVINCE, Regions.get().provinceOf(region));
        values.put(Dimension.REGENCY, Regions.get().regencyOf(region));
        values.put(Dimension.CATEGORY, category == null ? Dimension.UNKNOWN : category);
        values.put(Dimension.CHANNEL, channel);
        values.put(Dimension.AGENCY, agency == null ? Dimension.UNKNOWN : agency);
        values.put(Dimension.STATUS, status);
        values.put(Dimension.STAGE, Stage.ofRank(stage).name());
        values.put(Dimension.RATING, rating == null ? Dimension.NOT_RATED : String.valueOf(rating));
        Complaint c = new Complaint(day, values);
        raw.put(complaints.size(), new Object[] {region, category, agency, rating});
        return c;
    }

    private final Map<Integer, Object[]> raw = new HashMap<>();

    private Figures figures() {
        Snapshot.Builder builder = new Snapshot.Builder(WIB);
        for (int i = 0; i < complaints.size(); i++) {
            Complaint c = complaints.get(i);
            Object[] r = raw.get(i);
            Instant submitted = c.day().atTime(10, 0).atZone(WIB).toInstant();
            builder.complaint(submitted, c.values().get(Dimension.CHANNEL), (String) r[1], (String) r[0],
                    (String) r[2], c.values().get(Dimension.STATUS), Stage.valueOf(c.values().get(Dimension.STAGE)).rank,
                    (Integer) r[3], submitted.plusSeconds(3600L * (1 + i % 50)), null, null);
        }
        for (Transfer t : transfers) {
            builder.transfer(t.complaint(), t.from(), t.to());
        }
        return new Figures(builder.build(), 10, 30, LICENCE);
    }

    // --- publishing everything, and counting the raw list ------------------------------------------------

    private void publishEverything(Figures figures, SubtractionAttack attack) {
        List<Period> periods = periods();
        List<Optional<Filter>> filters = new ArrayList<>();
        filters.add(Optional.empty());
        for (Dimension d : List.of(Dimension.PROVINCE, Dimension.REGENCY, Dimension.CATEGORY, Dimension.AGENCY,
                Dimension.CHANNEL)) {
            complaints.stream().map(c -> c.values().get(d)).distinct().sorted()
                    .forEach(v -> filters.add(Optional.of(new Filter(d, v))));
        }
        Map<String, List<String>> byRest = new TreeMap<>();
        for (Period period : periods) {
            for (Optional<Filter> filter : filters) {
                Scope scope = new Scope(period, filter);
                Map<Dimension, String> fixed = new TreeMap<>();
                filter.ifPresent(f -> fixed.put(f.dimension(), f.key()));
                String totalId = id(period.bucket(), fixed);
                byRest.computeIfAbsent(rest(totalId), r -> new ArrayList<>()).add(totalId);
                for (Dimension by : Dimension.values()) {
                    if (!scope.breaksDown(by)) {
                        continue;
                    }
                    Published.Table table = figures.table(by, scope);
                    check(attack, totalId, period.bucket(), fixed, table.total().count());
                    List<String> rows = new ArrayList<>();
                    for (Row row : table.rows()) {
                        Map<Dimension, String> cell = new TreeMap<>(fixed);
                        cell.put(by, row.key());
                        rows.add(record(attack, period.bucket(), cell, row.count(), byRest));
                    }
                    attack.equation(totalId, rows);
                }
                for (TimeBucket.Level level : TimeBucket.Level.values()) {
                    if (level == TimeBucket.Level.ALL || level.ordinal() <= period.level().ordinal()
                            || (period.level() == TimeBucket.Level.ALL && level.ordinal() > TimeBucket.Level.MONTH.ordinal())) {
                        continue;
                    }
                    Published.Trend trend = figures.trend(level, scope);
                    List<String> buckets = new ArrayList<>();
                    for (Published.Bucket b : trend.buckets()) {
                        int bucket = TimeBucket.of(level, b.start());
                        buckets.add(record(attack, bucket, fixed, b.count(), byRest));
                        if (level == TimeBucket.Level.WEEK) {
                            List<String> days = new ArrayList<>();
                            for (int d = 0; d < 7; d++) {
                                days.add(record(attack, TimeBucket.day(b.start().plusDays(d).toEpochDay()), fixed,
                                        Long.MIN_VALUE, byRest));
                            }
                            attack.equation(id(bucket, fixed), days);
                        }
                    }
                    if (level != TimeBucket.Level.WEEK) {
                        attack.equation(totalId, buckets);
                    }
                }
            }
        }
        // A year is the sum of its months, all time the sum of the years: in every published breakdown.
        byRest.forEach((rest, ids) -> {
            Map<String, List<String>> monthsOfYear = new TreeMap<>();
            List<String> years = new ArrayList<>();
            for (String id : new TreeSet<>(ids)) {
                String time = id.substring(0, id.length() - rest(id).length());
                if (time.matches("\\d{4}")) {
                    years.add(id);
                } else if (time.matches("\\d{4}-\\d{2}")) {
                    monthsOfYear.computeIfAbsent(time.substring(0, 4), y -> new ArrayList<>()).add(id);
                }
            }
            if (!years.isEmpty()) {
                attack.equation("all" + rest, years);
            }
            monthsOfYear.forEach((year, months) -> attack.equation(year + rest, months));
        });
        publishTransfers(figures, attack, periods);
    }

    private void publishTransfers(Figures figures, SubtractionAttack attack, List<Period> periods) {
        for (Period period : periods) {
            Published.Transfers t = figures.transfers(new Scope(period, Optional.empty()));
            String p = period.name();
            attack.cell("T|" + p + "|*|*", t.total().count());
            assertThat(t.total().suppressed() || t.total().count() == countTransfers(period, null, null)).isTrue();
            List<String> out = new ArrayList<>();
            for (Row r : t.outOf()) {
                attack.cell("T|" + p + "|" + r.key() + "|*", r.count());
                out.add("T|" + p + "|" + r.key() + "|*");
            }
            List<String> in = new ArrayList<>();
            for (Row r : t.into()) {
                attack.cell("T|" + p + "|*|" + r.key(), r.count());
                in.add("T|" + p + "|*|" + r.key());
            }
            attack.equation("T|" + p + "|*|*", out);
            attack.equation("T|" + p + "|*|*", in);
            Map<String, List<String>> fromLines = new TreeMap<>();
            Map<String, List<String>> toLines = new TreeMap<>();
            for (Published.Flow f : t.flows()) {
                String id = "T|" + p + "|" + f.from() + "|" + f.to();
                attack.cell(id, f.count());
                if (!f.suppressed()) {
                    assertThat(f.count()).isEqualTo(countTransfers(period, f.from(), f.to()));
                }
                fromLines.computeIfAbsent("T|" + p + "|" + f.from() + "|*", x -> new ArrayList<>()).add(id);
                toLines.computeIfAbsent("T|" + p + "|*|" + f.to(), x -> new ArrayList<>()).add(id);
            }
            fromLines.forEach(attack::equation);
            toLines.forEach(attack::equation);
        }
    }

    private long countTransfers(Period period, String from, String to) {
        return transfers.stream().filter(t -> period.contains(complaints.get(t.complaint()).day()))
                .filter(t -> from == null || from.equals(t.from()))
                .filter(t -> to == null || to.equals(t.to() == null ? Snapshot.TRIAGE : t.to())).count();
    }

    private List<Period> periods() {
        List<Period> periods = new ArrayList<>(List.of(Period.ALL));
        complaints.stream().map(c -> c.day().getYear()).distinct().sorted()
                .forEach(y -> periods.add(Period.parse(String.valueOf(y)).orElseThrow()));
        complaints.stream().map(c -> String.format("%04d-%02d", c.day().getYear(), c.day().getMonthValue()))
                .distinct().sorted().forEach(m -> periods.add(Period.parse(m).orElseThrow()));
        return periods;
    }

    /** Records a published cell (value null: suppressed; MIN_VALUE: not published here) and checks it. */
    private String record(SubtractionAttack attack, int bucket, Map<Dimension, String> dims, Long value,
            Map<String, List<String>> byRest) {
        String id = id(bucket, dims);
        if (value == null || value != Long.MIN_VALUE) {
            check(attack, id, bucket, dims, value);
        } else if (rawCount(bucket, dims) == 0) {
            attack.cell(id, 0L); // a day that appears in no trend has no complaints, and a reader knows it
        }
        byRest.computeIfAbsent(rest(id), r -> new ArrayList<>()).add(id);
        return id;
    }

    private void check(SubtractionAttack attack, String id, int bucket, Map<Dimension, String> dims, Long value) {
        long raw = rawCount(bucket, dims);
        if (value == null) {
            assertThat(raw).as("suppressed cell %s counts someone", id).isPositive();
        } else {
            assertThat(value).as("published cell %s", id).isEqualTo(raw);
            assertThat(raw == 0 || raw >= 10).as("cell %s published with %d", id, raw).isTrue();
        }
        attack.cell(id, value);
    }

    private Map<String, Long> rawCounts;

    /** Counted straight from the list: every complaint adds one to each cell it falls in. */
    private long rawCount(int bucket, Map<Dimension, String> dims) {
        if (rawCounts == null) {
            rawCounts = new HashMap<>();
            Dimension[] all = Dimension.values();
            for (Complaint c : complaints) {
                for (TimeBucket.Level level : TimeBucket.Level.values()) {
                    int t = TimeBucket.of(level, c.day());
                    rawCounts.merge(id(t, Map.of()), 1L, Long::sum);
                    for (int i = 0; i < all.length; i++) {
                        rawCounts.merge(id(t, Map.of(all[i], c.values().get(all[i]))), 1L, Long::sum);
                        for (int j = i + 1; j < all.length; j++) {
                            if (all[i] == Dimension.PROVINCE && all[j] == Dimension.REGENCY) {
                                continue;
                            }
                            rawCounts.merge(id(t, Map.of(all[i], c.values().get(all[i]), all[j],
                                    c.values().get(all[j]))), 1L, Long::sum);
                        }
                    }
                }
            }
        }
        if (dims.containsKey(Dimension.PROVINCE) && dims.containsKey(Dimension.REGENCY)
                && !Regions.provinceOfRegencyKey(dims.get(Dimension.REGENCY)).equals(dims.get(Dimension.PROVINCE))) {
            return 0;
        }
        return rawCounts.getOrDefault(id(bucket, dims), 0L);
    }

    /** The part of an id after its time cell. */
    private static String rest(String id) {
        int bar = id.indexOf('|');
        return bar < 0 ? "" : id.substring(bar);
    }

    /** {@code 2026-03|province=32|category=air}; a regency implies its province. */
    private static String id(int bucket, Map<Dimension, String> dims) {
        Map<Dimension, String> canonical = new TreeMap<>(dims);
        if (canonical.containsKey(Dimension.REGENCY)) {
            canonical.remove(Dimension.PROVINCE);
        }
        StringBuilder id = new StringBuilder(TimeBucket.name(bucket));
        canonical.forEach((d, v) -> id.append('|').append(d.apiName).append('=').append(v));
        return id.toString();
    }
}
