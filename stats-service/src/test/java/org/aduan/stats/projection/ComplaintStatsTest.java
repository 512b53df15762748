package org.aduan.stats.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.Reporter;
import org.aduan.events.identity.SealedIdentity;
import org.aduan.stats.KafkaTraffic;
import org.aduan.stats.SummarySnapshot;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class ComplaintStatsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Test
    void submissionCountsOnceInEveryDimension() {
        SummarySnapshot before = SummarySnapshot.now();
        ComplaintSubmitted complaint = complaint(Channel.TELEGRAM, Optional.of("kesehatan"), Optional.of("94.71.02"));
        publish(complaint);

        await().atMost(PATIENCE).until(SummarySnapshot::now, equalTo(before.plusTotal(1)
                .plus("byStatus", "RECEIVED", 1)
                .plus("byCategory", "kesehatan", 1)
                .plus("byProvince", "94", 1)
                .plus("byChannel", "TELEGRAM", 1)));
    }

    @Test
    void lifecycleMovesTheStatusAndRoutingRecordsTheAgency() {
        ComplaintSubmitted complaint = complaint(Channel.WEB, Optional.of("air"), Optional.of("32.73"));
        SummarySnapshot before = SummarySnapshot.now();
        publish(complaint);
        SummarySnapshot received = before.plusTotal(1).plus("byStatus", "RECEIVED", 1).plus("byCategory", "air", 1)
                .plus("byProvince", "32", 1).plus("byChannel", "WEB", 1);
        await().atMost(PATIENCE).until(SummarySnapshot::now, equalTo(received));

        publish(new ComplaintRouted(complaint.complaintId(), "pemda-32.73", Instant.now(), "region-regency",
                List.of("region code 32.73 names a regency/city"), 1.0, Optional.empty()));
        publish(statusChanged(complaint.complaintId(), "ROUTED", Optional.of("RECEIVED")));

        await().atMost(PATIENCE).until(SummarySnapshot::now,
                equalTo(received.plus("byStatus", "RECEIVED", -1).plus("byStatus", "ROUTED", 1)));
        await().atMost(PATIENCE).until(() -> column(complaint.complaintId(), "agency_id"), equalTo("pemda-32.73"));
        assertThat(column(complaint.complaintId(), "routing_outcome")).isEqualTo("ROUTED");
    }

    @Test
    void complaintWithoutCategoryOrRegionCountsAsUnknown() {
        SummarySnapshot before = SummarySnapshot.now();
        ComplaintSubmitted complaint = complaint(Channel.SMS, Optional.empty(), Optional.empty());
        publish(complaint);
        publish(new ComplaintNeedsTriage(complaint.complaintId(), Instant.now(), List.of("no region code given")));

        await().atMost(PATIENCE).until(SummarySnapshot::now, equalTo(before.plusTotal(1)
                .plus("byStatus", "RECEIVED", 1)
                .plus("byCategory", "unknown", 1)
                .plus("byProvince", "unknown", 1)
                .plus("byChannel", "SMS", 1)));
        await().atMost(PATIENCE).until(() -> column(complaint.complaintId(), "routing_outcome"), equalTo("TRIAGE"));
        assertThat(column(complaint.complaintId(), "agency_id")).isNull();
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() {
        SummarySnapshot before = SummarySnapshot.now();
        String category = "uji-" + UUID.randomUUID();
        ComplaintSubmitted complaint = complaint(Channel.API, Optional.of(category), Optional.of("31.71"));
        EventEnvelope envelope = envelope(complaint);
        RecordMetadata first = KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(), envelope,
                EventJson.write(complaint));
        KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(), envelope, EventJson.write(complaint));
        // A later complaint on the same partition: once it is counted, both deliveries were handled.
        String laterCategory = "uji-" + UUID.randomUUID();
        ComplaintSubmitted later = complaint(Channel.API, Optional.of(laterCategory), Optional.of("31.71"));
        KafkaTraffic.publish(Topics.SUBMITTED, first.partition(), later.complaintId(), envelope(later),
                EventJson.write(later));

        await().atMost(PATIENCE).until(() -> SummarySnapshot.now().count("byCategory", laterCategory), equalTo(1L));
        SummarySnapshot after = SummarySnapshot.now();
        assertThat(after.count("byCategory", category)).isEqualTo(1);
        assertThat(after.total()).isEqualTo(before.total() + 2);
        assertThat(after.count("byChannel", "API")).isEqualTo(before.count("byChannel", "API") + 2);
        assertThat(count("select count(*) from processed_event where event_id = ?", envelope.id())).isEqualTo(1);
    }

    @Test
    void routedStatusArrivingBeforeTheSubmissionStillEndsRouted() {
        SummarySnapshot before = SummarySnapshot.now();
        ComplaintSubmitted complaint = complaint(Channel.WHATSAPP, Optional.of("listrik"), Optional.of("35.78"));
        EventEnvelope lifecycle = publish(statusChanged(complaint.complaintId(), "ROUTED", Optional.of("RECEIVED")));
        await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = ?",
                lifecycle.id()), equalTo(1L));
        // Not counted yet: the complaint's category, province and channel are still unknown.
        assertThat(SummarySnapshot.now()).isEqualTo(before);

        publish(complaint);

        await().atMost(PATIENCE).until(SummarySnapshot::now, equalTo(before.plusTotal(1)
                .plus("byStatus", "ROUTED", 1)
                .plus("byCategory", "listrik", 1)
                .plus("byProvince", "35", 1)
                .plus("byChannel", "WHATSAPP", 1)));
        assertThat(column(complaint.complaintId(), "status")).isEqualTo("ROUTED");
    }

    @Test
    void reporterIdentityNeverReachesTheStatsDatabaseNorTheSummary() {
        String name = "Zulkifli-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SealedIdentity sealed = new IdentitySeal("test-key", Base64.getEncoder().encodeToString(key))
                .seal(new Reporter(Optional.of(name), Optional.of("+6281234567890"), Optional.of(name + "@example.org"),
                        Optional.empty()));
        ComplaintSubmitted complaint = new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-ZZZZ-0001", "hash",
                Instant.now(), Channel.WEB, Optional.empty(), "id", Optional.of("Laporan dari " + name),
                "Saya " + name + ", jalan di depan rumah saya rusak.", Optional.of("infrastruktur"),
                new Location(Optional.of("32.73.01.1001"), Optional.of("depan rumah " + name)), false, false,
                Optional.of(sealed));
        List<String> eventIds = new ArrayList<>();
        eventIds.add(publish(complaint).id());
        eventIds.add(publish(new ComplaintRouted(complaint.complaintId(), "pemda-32.73", Instant.now(),
                "region-regency", List.of("reported by " + name), 1.0, Optional.empty())).id());
        eventIds.add(publish(new ComplaintStatusChanged(complaint.complaintId(), "ROUTED", Optional.of("RECEIVED"),
                Optional.of("pemda-32.73"), Instant.now(), "system", Optional.of("as asked by " + name))).id());

        await().atMost(PATIENCE).until(() -> eventIds.stream()
                .mapToLong(id -> count("select count(*) from processed_event where event_id = ?", id)).sum(),
                equalTo(3L));

        for (String planted : List.of(name, sealed.ciphertext())) {
            assertThat(columnsContaining(planted)).as("columns holding the planted identity").isEmpty();
            assertThat(given().get("/api/v1/stats/summary").asString()).doesNotContain(planted);
        }
    }

    @Test
    void garbageEventIsDeadLetteredAndThePartitionMovesOn() {
        ComplaintSubmitted complaint = complaint(Channel.X, Optional.of("ketertiban"), Optional.of("51"));
        EventEnvelope garbage = new EventEnvelope(UUID.randomUUID().toString(), ComplaintStatusChanged.TYPE,
                URI.create("/aduan/followup-service"), Instant.now(), complaint.complaintId());
        // Same key, so the same partition: the good event waits behind the garbage.
        KafkaTraffic.publish(Topics.LIFECYCLE, complaint.complaintId(), garbage, "[1, 2, oops");
        EventEnvelope good = publish(statusChanged(complaint.complaintId(), "ROUTED", Optional.empty()));

        await().atMost(PATIENCE).until(() -> count("select count(*) from processed_event where event_id = ?",
                good.id()), equalTo(1L));
        await().atMost(PATIENCE).until(() -> KafkaTraffic.readAll(Topics.deadLetter(Topics.LIFECYCLE)).stream()
                .anyMatch(r -> garbage.id().equals(KafkaTraffic.header(r, EventEnvelope.CE_ID))
                        && KafkaTraffic.header(r, "dead-letter-reason") != null));
        assertThat(count("select count(*) from processed_event where event_id = ?", garbage.id())).isZero();
    }

    @Test
    void summaryHasEveryDimensionAndItsTime() {
        given().get("/api/v1/stats/summary").then().statusCode(200)
                .body("total", notNullValue())
                .body("byStatus", notNullValue())
                .body("byCategory", notNullValue())
                .body("byProvince", notNullValue())
                .body("byChannel", notNullValue())
                .body("generatedAt", notNullValue());
    }

    @Test
    void readyWhenDatabaseAndBrokerAreReachable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static ComplaintSubmitted complaint(Channel channel, Optional<String> category,
            Optional<String> regionCode) {
        return new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-TEST-0001", "hash", Instant.now(), channel,
                Optional.empty(), "id", Optional.of("Keluhan"), "Isi keluhan.", category,
                new Location(regionCode, Optional.empty()), false, false, Optional.empty());
    }

    private static ComplaintStatusChanged statusChanged(String complaintId, String status, Optional<String> previous) {
        return new ComplaintStatusChanged(complaintId, status, previous, Optional.empty(), Instant.now(), "system",
                Optional.empty());
    }

    private static EventEnvelope envelope(ComplaintEvent event) {
        return EventEnvelope.of(event, "/aduan/test", Instant.now());
    }

    /** Publishes on the event's own topic with a fresh envelope, which it returns. */
    private static EventEnvelope publish(ComplaintEvent event) {
        String topic = switch (event.type()) {
            case ComplaintSubmitted.TYPE -> Topics.SUBMITTED;
            case ComplaintRouted.TYPE -> Topics.ROUTED;
            case ComplaintNeedsTriage.TYPE -> Topics.TRIAGE;
            case ComplaintStatusChanged.TYPE -> Topics.LIFECYCLE;
            default -> throw new IllegalArgumentException(event.type());
        };
        EventEnvelope envelope = envelope(event);
        KafkaTraffic.publish(topic, event.complaintId(), envelope, EventJson.write(event));
        return envelope;
    }

    /** Every {@code table.column} of the stats database whose value, as text, contains {@code needle}. */
    private List<String> columnsContaining(String needle) {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema()""");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).isNotEmpty();
            for (String[] column : columns) {
                String sql = "select count(*) from \"%s\" where cast(\"%s\" as text) like ?".formatted(column[0],
                        column[1]);
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, "%" + needle + "%");
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    private String column(String complaintId, String column) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select " + column + " from complaint_fact where complaint_id = ?")) {
            s.setString(1, complaintId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
