package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.aduan.followup.KafkaTestSupport.publish;
import static org.aduan.followup.KafkaTestSupport.publishToPartition;
import static org.aduan.followup.TestComplaints.PIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.AgencyName;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.aduan.followup.lifecycle.RoutingOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class CaseLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestSupport.TopicReader lifecycle;

    @BeforeAll
    static void readLifecycle() {
        lifecycle = new KafkaTestSupport.TopicReader(Topics.LIFECYCLE);
    }

    @AfterAll
    static void closeReader() {
        lifecycle.close();
    }

    @Test
    void submittedThenRoutedEndsRoutedWithHistoryAndLifecycleEvents() {
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        String agency = TestComplaints.newAgency();

        publish(Topics.SUBMITTED, TestComplaints.submitted(id, code));
        awaitStatus(code, "RECEIVED");
        publish(Topics.ROUTED, TestComplaints.routed(id, agency));
        Cases.awaitStatus(code, "ROUTED");

        await().atMost(WAIT).untilAsserted(() -> given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                .body("trackingCode", equalTo(code))
                .body("status", equalTo("ROUTED"))
                .body("agencyId", equalTo(agency))
                .body("category", equalTo("infrastruktur"))
                .body("history.status", contains("RECEIVED", "ROUTED")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statusChanges(id))
                .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED"));
        List<ComplaintStatusChanged> changes = statusChanges(id);
        assertThat(changes.get(1).previousStatus()).contains("RECEIVED");
        assertThat(changes.get(1).agencyId()).contains(agency);
        assertThat(changes).allSatisfy(change -> assertThat(change.actor()).isEqualTo("system"));
        assertThat(lifecycleRecords(id)).allSatisfy(record -> {
            EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
            assertThat(envelope.type()).isEqualTo(ComplaintStatusChanged.TYPE);
            assertThat(envelope.source().toString()).isEqualTo("/aduan/followup-service");
            assertThat(envelope.subject()).isEqualTo(id);
        });
    }

    @Test
    void theCitizenAndTheLifecycleEventsNameTheAgencyInTheirLanguage() {
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        String agency = TestComplaints.newAgency();
        AgencyName name = new AgencyName("Pemerintah Kota Uji " + code, "City Government of Uji " + code);

        publish(Topics.SUBMITTED, TestComplaints.submitted(id, code));
        publish(Topics.ROUTED, TestComplaints.routed(id, agency, name));
        Cases.awaitStatus(code, "ROUTED");

        await().atMost(WAIT).untilAsserted(() -> given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                .body("agencyId", equalTo(agency))
                .body("agencyName", equalTo(name.id())));
        given().header("X-Aduan-Pin", PIN).header("Accept-Language", "en")
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                .body("agencyName", equalTo(name.en()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statusChanges(id))
                .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED"));
        assertThat(statusChanges(id).get(1).agencyName()).contains(name);
        // RECEIVED has no agency yet, so no name either
        assertThat(statusChanges(id).get(0).agencyName()).isEmpty();
    }

    @Test
    void routedBeforeSubmittedStillEndsRouted() {
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        String agency = TestComplaints.newAgency();

        publish(Topics.ROUTED, TestComplaints.routed(id, agency));
        // the decision is stored before the complaint exists: the out-of-order case for real
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RoutingOutcome.findById(id) != null));
        publish(Topics.SUBMITTED, TestComplaints.submitted(id, code));
        Cases.awaitStatus(code, "ROUTED");

        await().atMost(WAIT).untilAsserted(() -> given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("agencyId", equalTo(agency))
                .body("history.status", contains("RECEIVED", "ROUTED")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statusChanges(id))
                .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED"));
    }

    @Test
    void complaintThatNeedsTriageWaitsInTriage() {
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();

        publish(Topics.SUBMITTED, TestComplaints.submitted(id, code));
        publish(Topics.TRIAGE, TestComplaints.triage(id));
        Cases.awaitStatus(code, "TRIAGE");

        await().atMost(WAIT).untilAsserted(() -> given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                .body("status", equalTo("TRIAGE"))
                .body("history.status", contains("RECEIVED", "TRIAGE")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statusChanges(id))
                .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "TRIAGE"));
        assertThat(statusChanges(id).get(1).reason()).contains("no region given");
    }

    @Test
    void sameSubmittedEventDeliveredTwiceCountsOnce() {
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        ComplaintSubmitted event = TestComplaints.submitted(id, code);
        Headers envelope = KafkaTestSupport.envelope(event);

        publish(Topics.SUBMITTED, event, envelope);
        publish(Topics.SUBMITTED, event, envelope);
        // intake republishing the same complaint under a new event id must not open a second case either
        RecordMetadata last = publish(Topics.SUBMITTED, event);

        // a marker behind the duplicates on their partition: once it is handled, so are they
        String markerId = TestComplaints.newId();
        String markerCode = TestComplaints.newTrackingCode();
        publishToPartition(Topics.SUBMITTED, last.partition(), TestComplaints.submitted(markerId, markerCode));
        awaitStatus(markerCode, "RECEIVED");
        await().atMost(WAIT).until(() -> !statusChanges(markerId).isEmpty());

        given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                .body("history.status", contains("RECEIVED"));
        long cases = QuarkusTransaction.requiringNew().call(
                () -> org.aduan.followup.lifecycle.ComplaintCase.count("trackingCode", code));
        assertThat(cases).isOne();
        lifecycle.drain();
        assertThat(statusChanges(id)).extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED");
    }

    @Test
    void garbageGoesToDeadLetterTopicAndTheNextEventIsStillProcessed() {
        String garbageKey = TestComplaints.newId();
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        ComplaintSubmitted valid = TestComplaints.submitted(id, code);
        Headers headers = KafkaTestSupport.envelope(TestComplaints.submitted(garbageKey, TestComplaints.newTrackingCode()));

        RecordMetadata garbage = KafkaTestSupport.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                Topics.SUBMITTED, null, garbageKey, "{ this is not a complaint", headers));
        publishToPartition(Topics.SUBMITTED, garbage.partition(), valid);

        try (KafkaTestSupport.TopicReader dlq = new KafkaTestSupport.TopicReader(Topics.deadLetter(Topics.SUBMITTED))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(dlq.records())
                    .filteredOn(record -> garbageKey.equals(record.key()))
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.value()).isEqualTo("{ this is not a complaint");
                        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(),
                                StandardCharsets.UTF_8)).contains("ComplaintSubmitted");
                    }));
        }
        awaitStatus(code, "RECEIVED");
    }

    private static void awaitStatus(String code, String status) {
        Cases.awaitCase(code);
        await().atMost(WAIT).untilAsserted(() -> given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo(status)));
    }

    private static List<ConsumerRecord<String, String>> lifecycleRecords(String complaintId) {
        return lifecycle.records().stream().filter(r -> complaintId.equals(r.key())).toList();
    }

    private static List<ComplaintStatusChanged> statusChanges(String complaintId) {
        return lifecycleRecords(complaintId).stream()
                .map(r -> EventJson.read(r.value(), ComplaintStatusChanged.class))
                .toList();
    }
}
