package org.aduan.stats;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** The counts of {@code GET /api/v1/stats/summary} at one moment, to compare before and after. */
public record SummarySnapshot(long total, Map<String, Map<String, Long>> dimensions) {

    public static final List<String> DIMENSIONS = List.of("byStatus", "byCategory", "byProvince", "byChannel");

    public static SummarySnapshot now() {
        JsonPath json = given().get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Long>> dimensions = new HashMap<>();
        for (String dimension : DIMENSIONS) {
            Map<String, Long> counts = new HashMap<>();
            json.<String, Object>getMap(dimension).forEach((key, n) -> counts.put(key, ((Number) n).longValue()));
            dimensions.put(dimension, counts);
        }
        return new SummarySnapshot(json.getLong("total"), dimensions);
    }

    public long count(String dimension, String key) {
        return dimensions.get(dimension).getOrDefault(key, 0L);
    }

    public SummarySnapshot plusTotal(long delta) {
        return new SummarySnapshot(total + delta, dimensions);
    }

    /** This snapshot with one count moved by {@code delta}; a count that reaches zero is absent, as in the API. */
    public SummarySnapshot plus(String dimension, String key, long delta) {
        Map<String, Map<String, Long>> copy = new HashMap<>();
        dimensions.forEach((d, counts) -> copy.put(d, new HashMap<>(counts)));
        Map<String, Long> counts = copy.get(dimension);
        long n = counts.getOrDefault(key, 0L) + delta;
        if (n == 0) {
            counts.remove(key);
        } else {
            counts.put(key, n);
        }
        return new SummarySnapshot(total, copy);
    }
}
