package org.aduan.stats.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.stats.StatsDatabase;
import org.aduan.stats.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rebuilding every projection from offset zero: identical results, nothing lost on the way. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class RebuildTest {

    private static final String TOKEN = "test-admin-token";
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final List<String> FIGURES = List.of("summary", "counts/province", "counts/regency",
            "counts/category", "counts/channel", "counts/agency", "counts/status", "counts/stage", "counts/rating",
            "funnel", "agencies", "transfers", "response-times", "trend?interval=month",
            "trend?interval=day&period=2031-03", "counts/category?province=32");

    @Inject
    DataSource dataSource;

    StatsDatabase db;

    @BeforeEach
    void database() {
        db = new StatsDatabase(dataSource);
    }

    @Test
    void rebuildingFromTheLogGivesIdenticalResultsAndLosesNothingThatArrivesMeanwhile() {
        // Other tests emptied the live tables: first bring them in line with the whole log.
        awaitSwitched(start());
        World before = World.generate();
        before.publish(db);

        // Events published while a rebuild replays reach the rebuilt tables through the live consumer.
        long id = start();
        World meanwhile = World.generate();
        meanwhile.publish(db);
        JsonPath progress = awaitSwitched(id);
        assertThat(progress.getDouble("percent")).isEqualTo(100.0);
        assertThat(progress.getLong("eventsRead")).isGreaterThanOrEqualTo(before.events.size());
        assertThat(progress.getLong("eventsTotal")).isGreaterThanOrEqualTo(progress.getLong("eventsRead"));
        await().atMost(PATIENCE).until(() -> db.processed(meanwhile.eventIds()), equalTo((long) meanwhile.events.size()));
        for (World world : List.of(before, meanwhile)) {
            for (World.Expected c : world.complaints) {
                assertThat(db.fact(c.complaintId())).as("complaint %s", c.complaintId()).isNotEmpty();
            }
        }

        Map<String, Object> live = state();
        awaitSwitched(start());
        Map<String, Object> rebuilt = state();

        assertThat(rebuilt.get("complaint_fact")).isEqualTo(live.get("complaint_fact"));
        assertThat(rebuilt.get("complaint_sla_breach")).isEqualTo(live.get("complaint_sla_breach"));
        assertThat(rebuilt.get("complaint_transfer")).isEqualTo(live.get("complaint_transfer"));
        assertThat(rebuilt.get("processed_event")).isEqualTo(live.get("processed_event"));
        for (String figure : FIGURES) {
            assertThat(rebuilt.get(figure)).as(figure).isEqualTo(live.get(figure));
        }
        assertThat(db.count("select count(*) from information_schema.schemata where schema_name like 'stats_rebuild_%'"))
                .as("rebuild schemas left behind").isZero();
    }

    @Test
    void rebuildNeedsTheAdminToken() {
        given().post("/api/v1/stats/admin/rebuild").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/unauthorized"));
        given().header("X-Admin-Token", "guess").post("/api/v1/stats/admin/rebuild").then().statusCode(401);
        given().header("X-Admin-Token", "guess").get("/api/v1/stats/admin/rebuild/1").then().statusCode(401);
        given().header("X-Admin-Token", TOKEN).get("/api/v1/stats/admin/rebuild/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSecondRebuildWhileOneReplaysIsRefused() {
        long running = fakeRebuild("now()");
        try {
            given().header("X-Admin-Token", TOKEN).header("Accept-Language", "en").post("/api/v1/stats/admin/rebuild")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("/api/v1/stats/admin/rebuild/" + running));
        } finally {
            db.execute("delete from stats_rebuild where id = " + running);
            db.execute("drop schema if exists stats_rebuild_" + running + " cascade");
        }
    }

    @Test
    void aRebuildWhoseReplicaDiedIsAbandonedAndItsTablesDropped() {
        long dead = fakeRebuild("now() - interval '1 hour'");

        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-Admin-Token", TOKEN)
                .get("/api/v1/stats/admin/rebuild/" + dead).jsonPath().getString("state"), equalTo("FAILED"));
        assertThat(db.count("select count(*) from information_schema.schemata where schema_name = ?",
                "stats_rebuild_" + dead)).isZero();
    }

    /** A rebuild row with its tables, as a replica would leave it. */
    private long fakeRebuild(String heartbeat) {
        long id = db.count("insert into stats_rebuild (schema_name, state, heartbeat_at) values "
                + "(gen_random_uuid()::text, 'REPLAYING', " + heartbeat + ") returning id");
        String schema = "stats_rebuild_" + id;
        db.execute("update stats_rebuild set schema_name = '" + schema + "' where id = " + id);
        db.execute("create schema " + schema);
        for (String table : List.of("complaint_fact", "complaint_sla_breach", "complaint_transfer", "processed_event")) {
            db.execute("create table %s.%s (like public.%s including all)".formatted(schema, table, table));
        }
        return id;
    }

    private static long start() {
        return given().header("X-Admin-Token", TOKEN).post("/api/v1/stats/admin/rebuild").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/stats/admin/rebuild/"))
                .body("state", equalTo("REPLAYING")).extract().jsonPath().getLong("id");
    }

    private static JsonPath awaitSwitched(long id) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> given().header("X-Admin-Token", TOKEN)
                .get("/api/v1/stats/admin/rebuild/" + id).jsonPath().getString("state"), org.hamcrest.Matchers.oneOf(
                        "SWITCHED", "FAILED"));
        JsonPath progress = given().header("X-Admin-Token", TOKEN).get("/api/v1/stats/admin/rebuild/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(progress.getString("state")).as("rebuild %d: %s", id, progress.getString("failure"))
                .isEqualTo("SWITCHED");
        return progress;
    }

    /** Every projection table (without its bookkeeping times) and every published figure, right now. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("complaint_fact", db.rows("select * from complaint_fact order by complaint_id").stream()
                .peek(row -> row.remove("updated_at")).toList());
        state.put("complaint_sla_breach", db.rows("select * from complaint_sla_breach order by complaint_id, agency_id"));
        state.put("complaint_transfer", db.rows("select * from complaint_transfer order by complaint_id, transfer_count"));
        state.put("processed_event", db.rows("select event_id, consumer from processed_event order by event_id"));
        // The published figures of exactly these tables: wait until the snapshot has caught up with them.
        long complaints = db.count("select count(*) from complaint_fact where submitted_at is not null");
        await().atMost(PATIENCE).until(() -> given().get("/api/v1/stats/summary").jsonPath().get("total.count"),
                equalTo((int) complaints));
        String tag = given().get("/api/v1/stats/summary").header("ETag");
        for (String figure : FIGURES) {
            String path = figure.contains("?") ? figure.substring(0, figure.indexOf('?')) : figure;
            Map<String, String> query = new LinkedHashMap<>();
            if (figure.contains("?")) {
                for (String pair : figure.substring(figure.indexOf('?') + 1).split("&")) {
                    query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            Map<String, Object> json = new LinkedHashMap<>(given().queryParams(query).get("/api/v1/stats/" + path)
                    .then().statusCode(200).extract().jsonPath().getMap(""));
            json.remove("about"); // the moment the figures were taken
            state.put(figure, json);
        }
        assertThat(given().get("/api/v1/stats/summary").header("ETag")).as("figures changed while read").isEqualTo(tag);
        return state;
    }
}
