package org.aduan.routing.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.routing.Keycloak;
import org.aduan.events.AgencyName;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.routing.KafkaTraffic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "routing"), @ResourceArg(name = "keycloak", value = "true") })
class ComplaintRoutingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Test
    void regencyCodeRoutesToThatCityKeepingTheEntryAgency() {
        ComplaintSubmitted complaint = complaint("32.73", Optional.of("pln"));
        submit(complaint);

        ConsumerRecord<String, String> record = awaitOne(Topics.ROUTED, complaint.complaintId());
        ComplaintRouted routed = EventJson.read(record.value(), ComplaintRouted.class);
        assertThat(routed.agencyId()).isEqualTo("pemda-32.73");
        assertThat(routed.ruleId()).isEqualTo("local-region");
        assertThat(routed.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(routed.reasons()).contains("region: structured region code 32.73 = Kota Bandung (city 32.73)");
        assertThat(routed.reasons()).anyMatch(r -> r.startsWith("category infrastruktur: \"Jalan berlubang\""));
        assertThat(routed.category()).contains("infrastruktur");
        assertThat(routed.regionCode()).contains("32.73");
        assertThat(routed.transferCount()).isZero();
        assertThat(routed.entryAgency()).contains("pln");
        assertThat(routed.agencyName()).contains(new AgencyName("Pemerintah Kota Bandung", "City Government of Bandung"));
        assertThat(routed.reasons()).anyMatch(r -> r.startsWith("entry agency pln (the door the citizen used) is told"));

        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        assertThat(envelope.type()).isEqualTo(ComplaintRouted.TYPE);
        assertThat(envelope.source()).hasToString("/aduan/routing-service");
        assertThat(envelope.subject()).isEqualTo(complaint.complaintId());
        // The published ce_id is the one the outbox row was written with.
        assertThat(outboxEventIds(complaint.complaintId())).containsExactly(envelope.id());

        Keycloak.asOperator().get("/api/v1/routing/decisions/{id}", complaint.complaintId())
                .then().statusCode(200)
                .body("outcome", equalTo("ROUTED"))
                .body("agencyId", equalTo("pemda-32.73"))
                .body("ruleId", equalTo("local-region"))
                .body("category", equalTo("infrastruktur"))
                .body("regionCode", equalTo("32.73"))
                .body("reasons", hasItem("region: structured region code 32.73 = Kota Bandung (city 32.73)"))
                .body("chain.size()", equalTo(1))
                .body("chain[0].agencyId", equalTo("pemda-32.73"));
    }

    @Test
    void villageCodeRoutesToItsRegency() {
        ComplaintSubmitted complaint = complaint("32.73.01.1001", Optional.empty());
        submit(complaint);

        ComplaintRouted routed = EventJson.read(awaitOne(Topics.ROUTED, complaint.complaintId()).value(),
                ComplaintRouted.class);
        assertThat(routed.agencyId()).isEqualTo("pemda-32.73");
        assertThat(routed.ruleId()).isEqualTo("local-region");
        assertThat(routed.regionCode()).contains("32.73.01.1001");
        assertThat(routed.entryAgency()).isEmpty();
    }

    @Test
    void districtCodeRoutesToItsRegency() {
        ComplaintSubmitted complaint = complaint("32.73.01", Optional.empty());
        submit(complaint);

        ComplaintRouted routed = EventJson.read(awaitOne(Topics.ROUTED, complaint.complaintId()).value(),
                ComplaintRouted.class);
        assertThat(routed.agencyId()).isEqualTo("pemda-32.73");
    }

    @Test
    void provinceOnlyCodeRoutesToTheProvince() {
        ComplaintSubmitted complaint = complaint("32", Optional.empty());
        submit(complaint);

        ComplaintRouted routed = EventJson.read(awaitOne(Topics.ROUTED, complaint.complaintId()).value(),
                ComplaintRouted.class);
        assertThat(routed.agencyId()).isEqualTo("pemda-32");
        assertThat(routed.ruleId()).isEqualTo("local-region");
        assertThat(routed.agencyName()).contains(new AgencyName("Pemerintah Provinsi Jawa Barat",
                "Provincial Government of Jawa Barat"));
    }

    @Test
    void complaintWithoutRegionGoesToTriageWithTheReason() {
        ComplaintSubmitted complaint = complaint(null, Optional.empty());
        submit(complaint);

        ConsumerRecord<String, String> record = awaitOne(Topics.TRIAGE, complaint.complaintId());
        ComplaintNeedsTriage triage = EventJson.read(record.value(), ComplaintNeedsTriage.class);
        assertThat(triage.reasons()).contains("rule no-region: a local matter with no region: an operator must find out where");
        assertThat(triage.category()).contains("infrastruktur");
        assertThat(EventEnvelope.fromHeaders(record.headers()).type()).isEqualTo(ComplaintNeedsTriage.TYPE);
        assertThat(routedRecords(complaint.complaintId())).isEmpty();

        Keycloak.asOperator().get("/api/v1/routing/decisions/{id}", complaint.complaintId())
                .then().statusCode(200)
                .body("outcome", equalTo("TRIAGE"))
                .body("agencyId", equalTo(null))
                .body("ruleId", equalTo("no-region"));
    }

    @Test
    void sameEventDeliveredTwiceRoutesOnce() {
        ComplaintSubmitted complaint = complaint("32.73", Optional.empty());
        EventEnvelope envelope = envelope(complaint);
        RecordMetadata first = publish(complaint, envelope);
        publish(complaint, envelope);
        // A later complaint on the same partition: once it is routed, both deliveries were handled.
        ComplaintSubmitted later = complaint("32.73", Optional.empty());
        KafkaTraffic.publish(Topics.SUBMITTED, first.partition(), later.complaintId(), envelope(later),
                EventJson.write(later));
        awaitOne(Topics.ROUTED, later.complaintId());

        assertThat(routedRecords(complaint.complaintId())).hasSize(1);
        assertThat(count("select count(*) from routing_decision where complaint_id = ?", complaint.complaintId()))
                .isEqualTo(1);
        assertThat(outboxEventIds(complaint.complaintId())).hasSize(1);
    }

    @Test
    void garbageBodyIsDeadLetteredAndThePartitionMovesOn() {
        ComplaintSubmitted good = complaint("32.73", Optional.empty());
        EventEnvelope garbageEnvelope = envelope(good);
        // Same key, so the same partition: the good event waits behind the garbage.
        KafkaTraffic.publish(Topics.SUBMITTED, good.complaintId(), garbageEnvelope, "{not json at all");
        submit(good);

        awaitOne(Topics.ROUTED, good.complaintId());
        ConsumerRecord<String, String> dead = await().atMost(PATIENCE).until(
                () -> KafkaTraffic.readAll(Topics.deadLetter(Topics.SUBMITTED)).stream()
                        .filter(r -> garbageEnvelope.id().equals(KafkaTraffic.header(r, EventEnvelope.CE_ID)))
                        .findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(dead.value()).isEqualTo("{not json at all");
        assertThat(KafkaTraffic.header(dead, "dead-letter-reason")).isNotBlank();
        assertThat(count("select count(*) from processed_event where event_id = ?", garbageEnvelope.id()))
                .isZero();
    }

    @Test
    void otherEventTypesOnTheTopicAreIgnored() {
        ComplaintSubmitted complaint = complaint("32.73", Optional.empty());
        EventEnvelope foreign = new EventEnvelope(UUID.randomUUID().toString(), "aduan.complaint.something-else.v1",
                URI.create("/aduan/test"), Instant.now(), complaint.complaintId());
        RecordMetadata sent = KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(), foreign, "{}");
        ComplaintSubmitted later = complaint("32.73", Optional.empty());
        KafkaTraffic.publish(Topics.SUBMITTED, sent.partition(), later.complaintId(), envelope(later),
                EventJson.write(later));
        awaitOne(Topics.ROUTED, later.complaintId());

        Keycloak.asOperator().get("/api/v1/routing/decisions/{id}", complaint.complaintId()).then().statusCode(404);
        assertThat(KafkaTraffic.readAll(Topics.deadLetter(Topics.SUBMITTED)))
                .noneMatch(r -> foreign.id().equals(KafkaTraffic.header(r, EventEnvelope.CE_ID)));
    }

    @Test
    void complaintWithoutCodeIsRoutedByThePlacesItsTextNames() {
        ComplaintSubmitted complaint = new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-TXT1-" + UUID
                .randomUUID().toString().substring(0, 4).toUpperCase(), "pinhash", Instant.now(), Channel.SMS,
                Optional.empty(), "id", Optional.empty(), "Jalan berlubang di depan SDN 3 Cicendo, Kota Bandung",
                Optional.empty(), Location.none(), false, false, Optional.empty());
        submit(complaint);

        ComplaintRouted routed = EventJson.read(awaitOne(Topics.ROUTED, complaint.complaintId()).value(),
                ComplaintRouted.class);
        assertThat(routed.agencyId()).isEqualTo("pemda-32.73");
        assertThat(routed.category()).contains("infrastruktur");
        assertThat(routed.regionCode()).contains("32.73.06");
        assertThat(String.join("\n", routed.reasons())).contains("\"Cicendo\"").contains("\"Kota Bandung\"");
    }

    @Test
    void unknownComplaintIsAProblemNotFound() {
        Keycloak.asOperator().get("/api/v1/routing/decisions/{id}", UUID.randomUUID().toString())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", containsString("no routing decision"));
    }

    @Test
    void openApiDescribesTheDecisionAndItsProblem() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/routing/decisions/{complaintId}"))
                .body(containsString("application/problem+json"));
    }

    @Test
    void readyWhenDatabaseAndBrokerAreReachable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static ComplaintSubmitted complaint(String regionCode, Optional<String> entryAgency) {
        return new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-TEST-" + UUID.randomUUID().toString()
                .substring(0, 4).toUpperCase(), "pinhash", Instant.now(), Channel.WEB, entryAgency, "id",
                Optional.of("Jalan berlubang"), "Jalan di depan rumah saya berlubang besar.",
                Optional.of("infrastruktur"), new Location(Optional.ofNullable(regionCode), Optional.of("depan pasar")),
                false, false, Optional.empty());
    }

    private static EventEnvelope envelope(ComplaintSubmitted complaint) {
        return EventEnvelope.of(complaint, "/aduan/intake-service", Instant.now());
    }

    private static void submit(ComplaintSubmitted complaint) {
        publish(complaint, envelope(complaint));
    }

    private static RecordMetadata publish(ComplaintSubmitted complaint, EventEnvelope envelope) {
        return KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(), envelope, EventJson.write(complaint));
    }

    private static List<ConsumerRecord<String, String>> routedRecords(String complaintId) {
        return KafkaTraffic.readAll(Topics.ROUTED).stream().filter(r -> complaintId.equals(r.key())).toList();
    }

    private static ConsumerRecord<String, String> awaitOne(String topic, String complaintId) {
        List<ConsumerRecord<String, String>> records = await().atMost(PATIENCE).until(
                () -> KafkaTraffic.readAll(topic).stream().filter(r -> complaintId.equals(r.key())).toList(),
                found -> !found.isEmpty());
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private List<String> outboxEventIds(String complaintId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_id from outbox_event where complaint_id = ? order by id")) {
            s.setString(1, complaintId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
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
