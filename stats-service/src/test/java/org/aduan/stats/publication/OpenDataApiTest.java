package org.aduan.stats.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.stats.StatsDatabase;
import org.aduan.stats.SubtractionAttack;
import org.aduan.stats.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The open-data API against a world of known events: its numbers are the numbers counted directly from
 * those events, except where suppressed, and what is suppressed stays hidden.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class OpenDataApiTest {

    private static final List<String> DIMENSIONS = List.of("province", "regency", "category", "channel", "agency",
            "status", "stage", "rating");
    private static final List<String> PERIODS = List.of("all", "2031", "2031-03", "2031-04");
    private static World world;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void world() {
        if (world == null) {
            world = World.load(new StatsDatabase(dataSource));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("summary", Map.of()).get("total.count"),
                equalTo(world.complaints.size()));
    }

    @Test
    void everyPublishedCountIsTheCountDoneDirectlyFromTheEvents() {
        int published = 0;
        for (String period : PERIODS) {
            for (String dimension : DIMENSIONS) {
                JsonPath table = get("counts/" + dimension, Map.of("period", period));
                assertThat(table.getLong("total.count")).isEqualTo(world.count(period, c -> true));
                Map<String, Long> expected = world.countsBy(period, dimension);
                List<Map<String, Object>> rows = table.getList("rows");
                for (Map<String, Object> row : rows) {
                    long count = expected.getOrDefault((String) row.get("key"), 0L);
                    if ((Boolean) row.get("suppressed")) {
                        assertThat(row.get("count")).isNull();
                        assertThat(count).as("%s %s %s", period, dimension, row.get("key")).isPositive();
                    } else {
                        assertThat(((Number) row.get("count")).longValue())
                                .as("%s %s %s", period, dimension, row.get("key")).isEqualTo(count);
                        assertThat(count == 0 || count >= 10).isTrue();
                        published += count > 0 ? 1 : 0;
                    }
                }
                assertThat(rows.stream().map(r -> r.get("key")).toList()).containsAll(expected.keySet());
            }
        }
        assertThat(published).as("published non-zero cells").isGreaterThan(60);

        JsonPath jawaBarat = get("counts/regency", Map.of("province", "32"));
        assertThat(jawaBarat.getLong("total.count")).isEqualTo(120);
        assertThat(rowCount(jawaBarat, "32.73")).isEqualTo(world.count("all", Map.of(), "regency", "32.73"));
        assertThat(rowCount(get("counts/province", Map.of()), "31")).isEqualTo(60);
        assertThat(rowCount(get("counts/category", Map.of("province", "32")), "air"))
                .isEqualTo(world.count("all", Map.of("province", "32"), "category", "air"));
    }

    @Test
    void csvHasTheSameNumbersAsJson() {
        for (String path : List.of("counts/category", "counts/province", "summary")) {
            JsonPath json = get(path, Map.of("period", "2031-03"));
            String csv = given().queryParam("period", "2031-03").accept("text/csv").get("/api/v1/stats/" + path)
                    .then().statusCode(200).header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                    .extract().asString();
            List<Map<String, String>> rows = csv(csv);
            assertThat(rows.get(0).keySet()).containsExactly("period", "filter_dimension", "filter_value",
                    "dimension", "key", "label_id", "label_en", "count", "suppressed");
            assertThat(rows.get(0)).containsEntry("key", "*").containsEntry("count",
                    String.valueOf(json.getLong("total.count")));
            String dimension = path.startsWith("counts/") ? path.substring(7) : "category";
            List<Map<String, Object>> jsonRows = path.equals("summary") ? json.getList("byCategory") : json.getList("rows");
            for (Map<String, Object> row : jsonRows) {
                Map<String, String> line = rows.stream().filter(r -> r.get("dimension").equals(dimension)
                        && r.get("key").equals(row.get("key"))).findFirst().orElseThrow();
                assertThat(line.get("count")).isEqualTo(row.get("count") == null ? "" : row.get("count").toString());
                assertThat(line.get("suppressed")).isEqualTo(row.get("suppressed").toString());
                assertThat(line.get("period")).isEqualTo("2031-03");
            }
        }
    }

    @Test
    void aRegionWithThreeComplaintsIsSuppressedInEveryView() {
        assertThat(world.count("all", Map.of(), "province", "75")).isEqualTo(3);
        assertSuppressed(row(get("counts/province", Map.of()), "75"));
        assertSuppressed(row(get("counts/province", Map.of("category", "infrastruktur")), "75"));
        assertSuppressed(row(get("summary", Map.of("period", "2031")), "75", "byProvince"));
        assertSuppressed(row(get("counts/regency", Map.of()), "75.01"));
        assertSuppressed(row(get("counts/agency", Map.of()), "pemda-75.01"));
        assertThat(csv(given().queryParam("format", "csv").get("/api/v1/stats/counts/province").asString()))
                .filteredOn(r -> r.get("key").equals("75")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("count", "").containsEntry("suppressed", "true"));
        // Every view of Gorontalo alone: the total is hidden, and so is every non-zero part of it.
        for (String period : PERIODS) {
            Map<String, String> gorontalo = Map.of("province", "75", "period", period);
            for (String dimension : List.of("regency", "category", "channel", "agency", "status", "stage", "rating")) {
                JsonPath table = get("counts/" + dimension, gorontalo);
                assertSuppressed(table.getMap("total"));
                table.<Map<String, Object>>getList("rows").forEach(r -> assertThat(r.get("suppressed").equals(true)
                        || ((Number) r.get("count")).longValue() == 0).as("%s", r).isTrue());
            }
            for (String interval : List.of("month", "day")) {
                if ("day".equals(interval) && "all".equals(period)) {
                    continue;
                }
                JsonPath trend = get("trend", Map.of("province", "75", "period", period, "interval", interval));
                assertSuppressed(trend.getMap("total"));
                trend.<Map<String, Object>>getList("buckets").forEach(this::assertSuppressed);
            }
            get("funnel", gorontalo).<Map<String, Object>>getList("stages")
                    .forEach(s -> assertThat(s.get("suppressed")).isEqualTo(true));
            get("agencies", gorontalo).<Map<String, Object>>getList("agencies")
                    .forEach(a -> assertSuppressed((Map<String, Object>) a.get("complaints")));
        }
    }

    @Test
    void noSuppressedCellCanBeWorkedOutBySubtractingPublishedCells() {
        SubtractionAttack attack = new SubtractionAttack();
        Map<String, List<String>> byRest = new TreeMap<>();
        List<Map<String, String>> filters = new ArrayList<>();
        filters.add(Map.of());
        for (String province : List.of("32", "31", "35", "75")) {
            filters.add(Map.of("province", province));
        }
        for (String category : List.of("infrastruktur", "air", "kesehatan", "kebersihan", "listrik", "unknown")) {
            filters.add(Map.of("category", category));
        }
        for (String channel : List.of("WEB", "SMS", "WHATSAPP")) {
            filters.add(Map.of("channel", channel));
        }
        for (String agency : List.of("pln", "pemda-32.73", "pemda-31.71", "pemda-75.01", "pemda-32", "unknown")) {
            filters.add(Map.of("agency", agency));
        }
        for (String regency : List.of("32.73", "75.01")) {
            filters.add(Map.of("regency", regency));
        }
        for (String period : PERIODS) {
            for (Map<String, String> filter : filters) {
                Map<String, String> query = new HashMap<>(filter);
                query.put("period", period);
                String total = id(period, filter, null, null);
                note(byRest, total);
                for (String dimension : DIMENSIONS) {
                    if (filter.containsKey(dimension) || (filter.containsKey("regency") && dimension.equals("province"))) {
                        continue;
                    }
                    JsonPath table = get("counts/" + dimension, query);
                    attack.cell(total, value(table.getMap("total")));
                    List<String> rows = new ArrayList<>();
                    for (Map<String, Object> row : table.<Map<String, Object>>getList("rows")) {
                        String cell = id(period, filter, dimension, (String) row.get("key"));
                        attack.cell(cell, value(row));
                        note(byRest, cell);
                        rows.add(cell);
                    }
                    attack.equation(total, rows);
                }
                for (String interval : intervals(period)) {
                    Map<String, String> trendQuery = new HashMap<>(query);
                    trendQuery.put("interval", interval);
                    List<String> buckets = new ArrayList<>();
                    for (Map<String, Object> b : get("trend", trendQuery).<Map<String, Object>>getList("buckets")) {
                        String cell = id((String) b.get("bucket"), filter, null, null);
                        attack.cell(cell, value(b));
                        note(byRest, cell);
                        buckets.add(cell);
                    }
                    if (!"week".equals(interval)) {
                        attack.equation(total, buckets);
                    }
                }
            }
        }
        // A year is the sum of its months, all time the sum of its years, in every breakdown.
        byRest.forEach((rest, ids) -> {
            List<String> years = new ArrayList<>();
            Map<String, List<String>> months = new TreeMap<>();
            for (String id : new TreeSet<>(ids)) {
                String time = id.substring(0, id.length() - rest.length());
                if (time.matches("\\d{4}")) {
                    years.add(id);
                } else if (time.matches("\\d{4}-\\d{2}")) {
                    months.computeIfAbsent(time.substring(0, 4), y -> new ArrayList<>()).add(id);
                }
            }
            if (!years.isEmpty() && ids.contains("all" + rest)) {
                attack.equation("all" + rest, years);
            }
            months.forEach((year, ms) -> {
                if (ids.contains(year + rest)) {
                    attack.equation(year + rest, ms);
                }
            });
        });

        Map<String, Long> recovered = attack.run();

        assertThat(attack.hidden()).contains("all|province=75", "2031-03|province=75");
        assertThat(recovered).as("suppressed cells worked out by subtraction").isEmpty();
    }

    @Test
    void agencyScorecardsShowRatesOnlyOnLargeEnoughSamples() {
        List<Map<String, Object>> cards = get("agencies", Map.of()).getList("agencies");
        int sufficient = 0;
        int tooSmall = 0;
        for (Map<String, Object> card : cards) {
            String agency = (String) card.get("agency");
            long met = world.count("all", c -> c.agency().equals(agency) && c.sla().equals("met"));
            long missed = world.count("all", c -> c.agency().equals(agency) && c.sla().equals("missed"));
            Map<String, Object> sla = (Map<String, Object>) card.get("slaCompliancePercent");
            if (met + missed >= 30) {
                assertThat(sla).containsEntry("sufficientSample", true);
                assertThat(((Number) sla.get("value")).doubleValue()).as(agency)
                        .isEqualTo((double) Math.round(100.0 * met / (met + missed)));
                sufficient++;
            } else {
                assertThat(sla).containsEntry("sufficientSample", false).containsEntry("value", null);
                tooSmall++;
            }
            List<Long> responses = world.complaints.stream().filter(c -> c.agency().equals(agency))
                    .map(World.Expected::firstResponseSeconds).filter(s -> s >= 0).toList();
            Map<String, Object> firstResponse = (Map<String, Object>) card.get("firstResponse");
            if (responses.size() >= 30) {
                assertThat(((Number) firstResponse.get("medianHours")).doubleValue())
                        .isEqualTo(World.percentileHours(responses, 50));
                assertThat(((Number) firstResponse.get("p90Hours")).doubleValue())
                        .isEqualTo(World.percentileHours(responses, 90));
            } else {
                assertThat(firstResponse).containsEntry("sufficientSample", false).containsEntry("medianHours", null);
            }
        }
        assertThat(sufficient).as("agencies with a rate").isPositive();
        assertThat(tooSmall).as("agencies whose sample is too small").isPositive();
    }

    @Test
    void responseTimesFunnelAndTransfersAreCountedFromTheEvents() {
        JsonPath times = get("response-times", Map.of());
        List<Long> responses = world.complaints.stream().map(World.Expected::firstResponseSeconds).filter(s -> s >= 0)
                .toList();
        List<Long> closures = world.complaints.stream().map(World.Expected::closureSeconds).filter(s -> s >= 0).toList();
        assertThat(times.getDouble("firstResponse.medianHours")).isEqualTo(World.percentileHours(responses, 50));
        assertThat(times.getDouble("firstResponse.p90Hours")).isEqualTo(World.percentileHours(responses, 90));
        assertThat(times.getDouble("closure.medianHours")).isEqualTo(World.percentileHours(closures, 50));
        long met = world.count("all", c -> c.sla().equals("met"));
        long missed = world.count("all", c -> c.sla().equals("missed"));
        assertThat(times.getDouble("slaCompliancePercent.value")).isEqualTo((double) Math.round(100.0 * met / (met + missed)));

        List<String> stages = List.of("RECEIVED", "ROUTED", "IN_PROGRESS", "RESPONDED", "CLOSED");
        List<Map<String, Object>> funnel = get("funnel", Map.of()).getList("stages");
        for (int s = 0; s < stages.size(); s++) {
            int from = s;
            long reached = world.count("all", c -> stages.indexOf(c.stage()) >= from);
            Map<String, Object> stage = funnel.get(s);
            assertThat(stage.get("stage")).isEqualTo(stages.get(s));
            if (!(Boolean) stage.get("suppressed")) {
                assertThat(((Number) stage.get("reached")).longValue()).as(stages.get(s)).isEqualTo(reached);
            }
        }
        assertThat(funnel.get(0).get("reached")).isEqualTo(world.complaints.size());

        JsonPath transfers = get("transfers", Map.of());
        assertThat(transfers.getLong("total.count")).isEqualTo(world.transfers.size());
    }

    @Test
    void responsesCarryCachingHeadersAndTheLicence() {
        Response first = given().get("/api/v1/stats/counts/category");
        first.then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age="))
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue())
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"license\""))
                .body("about.licence.name", equalTo("CC BY 4.0"))
                .body("about.suppressionThreshold", equalTo(10));
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        given().header("If-None-Match", etag).get("/api/v1/stats/counts/category").then().statusCode(304);
        given().header("If-None-Match", etag).queryParam("format", "csv").get("/api/v1/stats/counts/category")
                .then().statusCode(200);
    }

    @Test
    void openApiDescribesTheOpenDataAndItsLicence() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openApi).contains("/api/v1/stats/summary", "/api/v1/stats/counts/{dimension}", "/api/v1/stats/trend",
                "/api/v1/stats/funnel", "/api/v1/stats/agencies", "/api/v1/stats/transfers",
                "/api/v1/stats/response-times", "/api/v1/stats/admin/rebuild", "CC BY 4.0", "text/csv");
    }

    @Test
    void invalidRequestsAreProblemsInTheClientsLanguage() {
        given().queryParam("period", "2031-13").get("/api/v1/stats/summary").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/invalid-request"))
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("satu bulan"));
        given().header("Accept-Language", "en").queryParam("province", "32").queryParam("category", "air")
                .get("/api/v1/stats/counts/channel").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("province", "category"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("only one of"));
        given().header("Accept-Language", "en").queryParam("province", "99")
                .get("/api/v1/stats/counts/channel").then().statusCode(400)
                .body("errors[0].message", equalTo("is not a Kemendagri province code, e.g. 32"));
        given().queryParam("category", "air").get("/api/v1/stats/counts/category").then().statusCode(400);
        given().queryParam("interval", "day").get("/api/v1/stats/trend").then().statusCode(400)
                .body("errors[0].field", equalTo("interval"));
        given().get("/api/v1/stats/counts/reporter").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theTrendAddsUpToItsPeriod() {
        JsonPath trend = get("trend", Map.of("period", "2031", "interval", "month"));
        Map<String, Long> buckets = new LinkedHashMap<>();
        trend.<Map<String, Object>>getList("buckets")
                .forEach(b -> buckets.put((String) b.get("bucket"), ((Number) b.get("count")).longValue()));
        assertThat(buckets).containsExactly(Map.entry("2031-03", world.count("2031-03", c -> true)),
                Map.entry("2031-04", world.count("2031-04", c -> true)));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static JsonPath get(String path, Map<String, String> query) {
        return given().queryParams(query).accept("application/json").get("/api/v1/stats/" + path).then()
                .statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath table, String key) {
        return row(table, key, "rows");
    }

    private static Map<String, Object> row(JsonPath table, String key, String list) {
        return table.<Map<String, Object>>getList(list).stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
    }

    private static long rowCount(JsonPath table, String key) {
        Map<String, Object> row = row(table, key);
        assertThat(row.get("suppressed")).as("row %s", key).isEqualTo(false);
        return ((Number) row.get("count")).longValue();
    }

    private void assertSuppressed(Map<String, Object> cell) {
        assertThat(cell.get("suppressed")).as("%s", cell).isEqualTo(true);
        assertThat(cell.get("count")).as("%s", cell).isNull();
    }

    private static Long value(Map<String, Object> cell) {
        return cell.get("count") == null ? null : ((Number) cell.get("count")).longValue();
    }

    private static List<String> intervals(String period) {
        return switch (period.length()) {
            case 3 -> List.of("year", "month");
            case 4 -> List.of("month", "week", "day");
            default -> List.of("week", "day");
        };
    }

    private static void note(Map<String, List<String>> byRest, String id) {
        int bar = id.indexOf('|');
        byRest.computeIfAbsent(bar < 0 ? "" : id.substring(bar), r -> new ArrayList<>()).add(id);
    }

    /** A cell named by what it counts; a regency implies its province. */
    private static String id(String time, Map<String, String> filter, String dimension, String value) {
        Map<String, String> dims = new TreeMap<>(filter);
        if (dimension != null) {
            dims.put(dimension, value);
        }
        if (dims.containsKey("regency")) {
            dims.remove("province");
        }
        StringBuilder id = new StringBuilder(time);
        dims.forEach((d, v) -> id.append('|').append(d).append('=').append(v));
        return id.toString();
    }

    /** Rows of an RFC 4180 CSV text, as header → cell. */
    static List<Map<String, String>> csv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                continue;
            } else if (ch == '\n') {
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> cells : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) {
                row.put(header.get(j), cells.get(j));
            }
            rows.add(row);
        }
        return rows;
    }
}
