package org.aduan.stats.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintEscalated;
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
import org.aduan.stats.StatsDatabase;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live projection: what stats keeps of each event, whatever order and however often it arrives. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class ComplaintProjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2030-06-02T03:00:00Z");

    @Inject
    DataSource dataSource;

    StatsDatabase db;

    @BeforeEach
    void database() {
        db = new StatsDatabase(dataSource);
    }

    @Test
    void submissionKeepsCodesAndCutsTheRegionToTheRegency() {
        ComplaintSubmitted complaint = submitted(Channel.TELEGRAM, Optional.of("kesehatan"), Optional.of("94.71.02.1001"));
        awaitProcessed(publish(List.of(complaint)));

        Map<String, String> fact = db.fact(complaint.complaintId());
        assertThat(fact).containsEntry("channel", "TELEGRAM").containsEntry("citizen_category", "kesehatan")
                .containsEntry("citizen_region", "94.71").containsEntry("stage_reached", "0");
        assertThat(fact.get("status")).as("no status until followup sets one").isNull();
    }

    @Test
    void eventsInAnyOrderEndInTheSameFacts() {
        List<List<ComplaintEvent>> orders = new ArrayList<>();
        String[] ids = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        for (String id : ids) {
            orders.add(journey(id));
        }
        Collections.reverse(orders.get(1));
        Collections.shuffle(orders.get(2), new java.util.Random(7));
        List<ComplaintEvent> all = new ArrayList<>();
        orders.forEach(all::addAll);
        awaitProcessed(publish(all));

        Map<String, String> inOrder = withoutIdentity(db.fact(ids[0]));
        assertThat(withoutIdentity(db.fact(ids[1]))).as("reversed").isEqualTo(inOrder);
        assertThat(withoutIdentity(db.fact(ids[2]))).as("shuffled").isEqualTo(inOrder);
        assertThat(inOrder).containsEntry("status", "RATED").containsEntry("stage_reached", "4")
                .containsEntry("route_agency_id", "pemda-32").containsEntry("route_transfer_count", "2")
                .containsEntry("route_category", "air").containsEntry("route_region", "32.73")
                .containsEntry("rating", "5");
        assertThat(db.count("select extract(epoch from first_response_at)::bigint from complaint_fact "
                + "where complaint_id = ?", ids[0])).isEqualTo(T0.plusSeconds(20 * 3600).getEpochSecond());
        for (String id : ids) {
            assertThat(db.rows("select from_agency_id, to_agency_id, outcome from complaint_transfer "
                    + "where complaint_id = ? order by transfer_count", id)).containsExactly(
                            Map.of("from_agency_id", "pemda-32.73", "to_agency_id", "pln", "outcome", "ROUTED"),
                            Map.of("from_agency_id", "pln", "to_agency_id", "pemda-32", "outcome", "ROUTED"));
            assertThat(db.rows("select agency_id from complaint_sla_breach where complaint_id = ? order by agency_id", id))
                    .containsExactly(Map.of("agency_id", "pemda-32"), Map.of("agency_id", "pemda-32.73"));
        }
    }

    /**
     * A complaint routed to Kota Bandung, transferred to PLN, sent to triage by PLN, routed by an operator
     * to the province, answered, escalated, closed and rated twice.
     */
    private static List<ComplaintEvent> journey(String id) {
        Instant t = T0;
        return new ArrayList<>(List.of(
                new ComplaintSubmitted(id, "ADN-JRNY-0001", "hash", t, Channel.WEB, Optional.empty(), "id",
                        Optional.empty(), "teks", Optional.of("infrastruktur"), new Location(Optional.of("32"),
                                Optional.empty()), false, false, Optional.empty()),
                new ComplaintRouted(id, "pemda-32.73", t.plusSeconds(60), "region", List.of(), 0.9, Optional.empty(),
                        Optional.of("air"), Optional.of("32.73.01"), Optional.empty(), 0),
                status(id, "ROUTED", t.plusSeconds(120), "pemda-32.73", Optional.empty()),
                new ComplaintEscalated(id, t.plusSeconds(3600), "pemda-32.73", Optional.of("pemda-32"), "ROUTED",
                        t.plusSeconds(3500), 1),
                status(id, "TRANSFER_REQUESTED", t.plusSeconds(7200), "pemda-32.73", Optional.empty()),
                new ComplaintRouted(id, "pln", t.plusSeconds(7300), "transfer", List.of(), 1.0, Optional.empty(),
                        Optional.of("air"), Optional.of("32.73"), Optional.of("pemda-32.73"), 1),
                status(id, "TRANSFER_REQUESTED", t.plusSeconds(9000), "pln", Optional.empty()),
                new ComplaintNeedsTriage(id, t.plusSeconds(9100), List.of("no agency left"), Optional.of("air"),
                        Optional.of("32.73"), Optional.of("pln"), 2),
                new ComplaintRouted(id, "pemda-32", t.plusSeconds(12000), "operator", List.of(), 1.0,
                        Optional.empty(), Optional.of("air"), Optional.of("32.73"), Optional.of("pln"), 2),
                status(id, "IN_PROGRESS", t.plusSeconds(13000), "pemda-32", Optional.empty()),
                status(id, "RESPONDED", t.plusSeconds(20 * 3600), "pemda-32", Optional.empty()),
                new ComplaintEscalated(id, t.plusSeconds(30 * 3600), "pemda-32", Optional.empty(), "RESPONDED",
                        t.plusSeconds(29 * 3600), 1),
                status(id, "RESPONDED", t.plusSeconds(40 * 3600), "pemda-32", Optional.empty()),
                status(id, "CLOSED", t.plusSeconds(50 * 3600), "pemda-32", Optional.of(2)),
                status(id, "RATED", t.plusSeconds(60 * 3600), "pemda-32", Optional.of(5))));
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() {
        ComplaintSubmitted complaint = submitted(Channel.API, Optional.of("air"), Optional.of("31.71"));
        EventEnvelope envelope = EventEnvelope.of(complaint, "/aduan/test", Instant.now());
        RecordMetadata first = KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(), envelope,
                EventJson.write(complaint));
        KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(), envelope, EventJson.write(complaint));
        // A later complaint on the same partition: once it is counted, both deliveries were handled.
        ComplaintSubmitted later = submitted(Channel.API, Optional.of("air"), Optional.of("31.71"));
        EventEnvelope laterEnvelope = EventEnvelope.of(later, "/aduan/test", Instant.now());
        KafkaTraffic.publish(Topics.SUBMITTED, first.partition(), later.complaintId(), laterEnvelope,
                EventJson.write(later));

        awaitProcessed(List.of(laterEnvelope.id()));
        assertThat(db.count("select count(*) from processed_event where event_id = ?", envelope.id())).isEqualTo(1);
        assertThat(db.count("select count(*) from complaint_fact where complaint_id = ?", complaint.complaintId()))
                .isEqualTo(1);
    }

    @Test
    void aStatusNobodyKnowsYetIsKeptAndMovesNoStage() {
        ComplaintSubmitted complaint = submitted(Channel.SMS, Optional.empty(), Optional.empty());
        awaitProcessed(publish(List.of(complaint,
                status(complaint.complaintId(), "ROUTED", T0.plusSeconds(60), "pemda-32", Optional.empty()),
                status(complaint.complaintId(), "MEDIATION", T0.plusSeconds(120), "pemda-32", Optional.empty()))));

        assertThat(db.fact(complaint.complaintId())).containsEntry("status", "MEDIATION")
                .containsEntry("stage_reached", "1");
    }

    @Test
    void reporterIdentityAndFreeTextNeverReachTheDatabaseNorAnyOutput() {
        String name = "Zulkifli-" + UUID.randomUUID();
        String phone = "+62812" + (10_000_000 + new SecureRandom().nextInt(89_999_999));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SealedIdentity sealed = new IdentitySeal("test-key", Base64.getEncoder().encodeToString(key))
                .seal(new Reporter(Optional.of(name), Optional.of(phone), Optional.of(name + "@example.org"),
                        Optional.empty()));
        String id = UUID.randomUUID().toString();
        List<ComplaintEvent> events = List.of(
                new ComplaintSubmitted(id, "ADN-ZZZZ-0001", "hash", T0, Channel.WEB, Optional.empty(), "id",
                        Optional.of("Laporan dari " + name), "Saya " + name + " (" + phone + "), jalan rusak.",
                        Optional.of(name), new Location(Optional.of("32.73.01.1001"), Optional.of("depan rumah " + name)),
                        false, false, Optional.of(sealed)),
                new ComplaintRouted(id, "pemda-32.73", T0.plusSeconds(60), "region-regency",
                        List.of("reported by " + name), 1.0, Optional.empty()),
                new ComplaintNeedsTriage(id, T0.plusSeconds(90), List.of("ask " + name + " at " + phone)),
                new ComplaintStatusChanged(id, "ROUTED", Optional.of("RECEIVED"), Optional.of("pemda-32.73"),
                        T0.plusSeconds(120), "system", Optional.of("as asked by " + name)),
                new ComplaintStatusChanged(id, "TRANSFER_REQUESTED", Optional.of("ROUTED"), Optional.of("pemda-32.73"),
                        T0.plusSeconds(180), "pemda-32.73", Optional.of("call " + phone), Optional.empty(),
                        Optional.empty()));
        awaitProcessed(publish(events));

        for (String planted : List.of(name, phone, sealed.ciphertext())) {
            assertThat(db.columnsContaining(planted)).as("columns holding %s", planted).isEmpty();
            for (String path : List.of("summary", "counts/category", "counts/agency", "counts/status",
                    "counts/regency", "trend", "funnel", "agencies", "transfers", "response-times")) {
                for (String format : List.of("json", "csv")) {
                    assertThat(given().queryParam("format", format).get("/api/v1/stats/" + path).then()
                            .statusCode(200).extract().asString()).as("%s as %s", path, format).doesNotContain(planted);
                }
            }
        }
        assertThat(db.fact(id)).containsEntry("citizen_category", null).containsEntry("citizen_region", "32.73");
    }

    @Test
    void garbageEventIsDeadLetteredAndThePartitionMovesOn() {
        ComplaintSubmitted complaint = submitted(Channel.X, Optional.of("ketertiban"), Optional.of("51"));
        EventEnvelope garbage = new EventEnvelope(UUID.randomUUID().toString(), ComplaintStatusChanged.TYPE,
                URI.create("/aduan/followup-service"), Instant.now(), complaint.complaintId());
        // Same key, so the same partition: the good event waits behind the garbage.
        KafkaTraffic.publish(Topics.LIFECYCLE, complaint.complaintId(), garbage, "[1, 2, oops");
        List<String> good = publish(List.of(status(complaint.complaintId(), "ROUTED", T0, "pemda-51",
                Optional.empty())));

        awaitProcessed(good);
        await().atMost(PATIENCE).until(() -> KafkaTraffic.readAll(Topics.deadLetter(Topics.LIFECYCLE)).stream()
                .anyMatch(r -> garbage.id().equals(KafkaTraffic.header(r, EventEnvelope.CE_ID))
                        && KafkaTraffic.header(r, "dead-letter-reason") != null));
        assertThat(db.count("select count(*) from processed_event where event_id = ?", garbage.id())).isZero();
    }

    @Test
    void readyWhenDatabaseAndBrokerAreReachable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static ComplaintSubmitted submitted(Channel channel, Optional<String> category, Optional<String> region) {
        return new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-TEST-0001", "hash", T0, channel,
                Optional.empty(), "id", Optional.of("Keluhan"), "Isi keluhan.", category,
                new Location(region, Optional.empty()), false, false, Optional.empty());
    }

    private static ComplaintStatusChanged status(String id, String status, Instant at, String agency,
            Optional<Integer> rating) {
        return new ComplaintStatusChanged(id, status, Optional.empty(), Optional.of(agency), at, "system",
                Optional.empty(), Optional.empty(), rating);
    }

    /** Publishes each event on its own topic with a fresh envelope; returns the envelope ids. */
    private static List<String> publish(List<? extends ComplaintEvent> events) {
        List<KafkaTraffic.Outgoing> out = new ArrayList<>();
        for (ComplaintEvent event : events) {
            String topic = switch (event.type()) {
                case ComplaintSubmitted.TYPE -> Topics.SUBMITTED;
                case ComplaintRouted.TYPE -> Topics.ROUTED;
                case ComplaintNeedsTriage.TYPE -> Topics.TRIAGE;
                default -> Topics.LIFECYCLE;
            };
            out.add(new KafkaTraffic.Outgoing(topic, event.complaintId(), EventEnvelope.of(event, "/aduan/test",
                    Instant.now()), EventJson.write(event)));
        }
        KafkaTraffic.publishAll(out);
        return out.stream().map(o -> o.envelope().id()).toList();
    }

    private void awaitProcessed(List<String> eventIds) {
        await().atMost(PATIENCE).until(() -> db.processed(eventIds), equalTo((long) eventIds.size()));
    }

    private static Map<String, String> withoutIdentity(Map<String, String> fact) {
        Map<String, String> copy = new HashMap<>(fact);
        copy.remove("complaint_id");
        copy.remove("updated_at");
        return copy;
    }
}
