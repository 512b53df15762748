package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.aduan.followup.KafkaTestSupport.awaitConsumed;
import static org.aduan.followup.KafkaTestSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Attachment;
import org.aduan.events.Channel;
import org.aduan.events.ChannelOrigin;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.GeoPoint;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.events.identity.Reporter;
import org.aduan.followup.lifecycle.CaseSupplement;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.outbox.OutboxEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What came in on the citizen's channel besides the complaint: a later message on the same conversation
 * (ComplaintSupplemented), photos and a shared point, as the agency sees them in the case detail, and
 * never the public.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class ChannelMessagesTest {

    /** %test value of aduan.followup.intake-public-url. */
    private static final String INTAKE = "https://intake.aduan.test";
    private static final GeoPoint PASIRKALIKI = new GeoPoint(-6.9083, 107.5965);
    private static final GeoPoint CICENDO = new GeoPoint(-6.9040, 107.5990);

    @Test
    void laterSmsIsTheCitizensInformationForTheAgencyAndMovesNeitherStatusNorDeadline() {
        Keycloak.TestAgency agency = Keycloak.newAgency();
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        Attachment photo = photo("image/jpeg", 48_213);
        publish(Topics.SUBMITTED, smsComplaint(id, code, List.of(photo), Optional.of(PASIRKALIKI)));
        publish(Topics.ROUTED, TestComplaints.routed(id, agency.agencyId()));
        Cases.awaitStatus(code, "ROUTED");
        JsonPath before = detail(agency, id);

        Attachment secondPhoto = photo("image/png", 9_876);
        ComplaintSupplemented later = supplement(id, code, "Lubangnya makin lebar, kemarin dua motor jatuh di situ",
                List.of(secondPhoto), Optional.of(CICENDO), "kannel-msg-" + UUID.randomUUID());
        Headers envelope = KafkaTestSupport.envelope(later);
        awaitConsumed(publish(Topics.SUBMITTED, later, envelope));

        JsonPath after = detail(agency, id);
        assertThat(after.getString("status")).isEqualTo("ROUTED");
        assertThat(after.getString("dueAt")).isEqualTo(before.getString("dueAt"));
        assertThat(after.getInt("escalationLevel")).isEqualTo(before.getInt("escalationLevel"));
        assertThat(after.getList("history.action", String.class)).containsExactly("SUBMIT", "ROUTE", "ADD_INFORMATION");
        assertThat(after.getString("history[2].text")).isEqualTo("Lubangnya makin lebar, kemarin dua motor jatuh di situ");
        assertThat(after.getString("history[2].actor")).isEqualTo("citizen");
        assertThat(after.getString("history[2].status")).isEqualTo("ROUTED");
        assertThat(after.getString("history[2].visibility")).isEqualTo("CITIZEN");
        // both photos, linked where intake serves them; the complaint's own point stays the case's point
        assertThat(after.getList("attachments.attachmentId", String.class))
                .containsExactly(photo.attachmentId(), secondPhoto.attachmentId());
        assertThat(after.getList("attachments.mediaType", String.class)).containsExactly("image/jpeg", "image/png");
        assertThat(after.getList("attachments.sizeBytes", Long.class)).containsExactly(48_213L, 9_876L);
        assertThat(after.getList("attachments.url", String.class)).containsExactly(
                INTAKE + "/api/v1/attachments/" + photo.attachmentId(),
                INTAKE + "/api/v1/attachments/" + secondPhoto.attachmentId());
        assertThat(after.getDouble("point.latitude")).isEqualTo(PASIRKALIKI.latitude());
        assertThat(after.getDouble("point.longitude")).isEqualTo(PASIRKALIKI.longitude());
        // information is not a status change: nothing for the lifecycle topic
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey", id))).isEqualTo(2);

        // a redelivery (same event) and a republish (same message, new event) add nothing
        awaitConsumed(publish(Topics.SUBMITTED, later, envelope));
        awaitConsumed(publish(Topics.SUBMITTED, later));
        JsonPath again = detail(agency, id);
        assertThat(again.getList("history.action", String.class)).containsExactly("SUBMIT", "ROUTE", "ADD_INFORMATION");
        assertThat(again.getList("attachments")).hasSize(2);

        // the public sees the complaint, never the citizen's later words, photos or point
        given().get("/api/v1/public/complaints/{id}", id).then().statusCode(200)
                .body(not(containsString("motor jatuh")))
                .body(not(containsString(photo.attachmentId())))
                .body(not(containsString(secondPhoto.attachmentId())))
                .body(not(containsString("attachments")))
                .body(not(containsString("latitude")));
    }

    @Test
    void messageThatArrivesBeforeItsComplaintIsAddedWhenTheComplaintComes() {
        Keycloak.TestAgency agency = Keycloak.newAgency();
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        Attachment photo = photo("image/jpeg", 120_000);
        ComplaintSupplemented early = supplement(id, code, "", List.of(photo), Optional.of(CICENDO),
                "tg-" + UUID.randomUUID());

        awaitConsumed(publish(Topics.SUBMITTED, early));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat((Object) ComplaintCase.findById(id)).isNull();
            assertThat(CaseSupplement.pending(id)).hasSize(1);
        });

        publish(Topics.SUBMITTED, smsComplaint(id, code, List.of(), Optional.empty()));
        publish(Topics.ROUTED, TestComplaints.routed(id, agency.agencyId()));
        Cases.awaitStatus(code, "ROUTED");

        JsonPath detail = detail(agency, id);
        assertThat(detail.getList("history.action", String.class)).containsExactly("SUBMIT", "ADD_INFORMATION", "ROUTE");
        // a photo and a location without words: the entry has no text, the photo and the point are the case's
        assertThat(detail.getString("history[1].text")).isNull();
        assertThat(detail.getList("attachments.attachmentId", String.class)).containsExactly(photo.attachmentId());
        assertThat(detail.getDouble("point.latitude")).isEqualTo(CICENDO.latitude());
        assertThat(detail.getDouble("point.longitude")).isEqualTo(CICENDO.longitude());
        QuarkusTransaction.requiringNew().run(() -> assertThat(CaseSupplement.pending(id)).isEmpty());
    }

    @Test
    void complaintWithoutPhotosOrPointShowsNone() {
        Keycloak.TestAgency agency = Keycloak.newAgency();
        String id = TestComplaints.newId();
        String code = TestComplaints.newTrackingCode();
        publish(Topics.SUBMITTED, smsComplaint(id, code, List.of(), Optional.empty()));
        publish(Topics.ROUTED, TestComplaints.routed(id, agency.agencyId()));
        Cases.awaitStatus(code, "ROUTED");

        JsonPath detail = detail(agency, id);
        assertThat(detail.getList("attachments")).isEmpty();
        assertThat(detail.getMap("point")).isNull();
    }

    @Test
    void supplementThatLacksItsFieldsGoesToTheDeadLetterTopic() {
        String id = TestComplaints.newId();
        Headers headers = KafkaTestSupport.envelope(supplement(id, TestComplaints.newTrackingCode(), "x", List.of(),
                Optional.empty(), "m-" + UUID.randomUUID()));
        String body = "{\"complaintId\": \"" + id + "\", \"text\": \"tanpa waktu dan kanal\"}";

        RecordMetadata sent = KafkaTestSupport.send(new ProducerRecord<>(Topics.SUBMITTED, null, id, body, headers));

        try (KafkaTestSupport.TopicReader dlq = new KafkaTestSupport.TopicReader(Topics.deadLetter(Topics.SUBMITTED))) {
            await().atMost(Cases.WAIT).untilAsserted(() -> assertThat(dlq.records())
                    .filteredOn(record -> id.equals(record.key()))
                    .singleElement()
                    .satisfies(record -> assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(),
                            StandardCharsets.UTF_8)).contains("required field")));
        }
        awaitConsumed(sent);
        QuarkusTransaction.requiringNew().run(() -> assertThat(CaseSupplement.count("complaintId", id)).isZero());
    }

    // --- helpers ---

    private static JsonPath detail(Keycloak.TestAgency agency, String id) {
        return agency.asOfficer().when().get("/api/v1/agency/complaints/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Attachment photo(String mediaType, long size) {
        String sha = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return new Attachment(UUID.randomUUID().toString(), mediaType, size, sha);
    }

    /** A complaint by SMS to 1708 through Kannel, as intake publishes it. */
    private static ComplaintSubmitted smsComplaint(String id, String code, List<Attachment> attachments,
            Optional<GeoPoint> point) {
        Reporter reporter = new Reporter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("+6281234567890"));
        return new ComplaintSubmitted(id, code, TestComplaints.PIN_HASH, Instant.now(), Channel.SMS, Optional.empty(),
                "id", Optional.empty(), "Jalan berlubang di Jl. Pasirkaliki, Kecamatan Cicendo, Kota Bandung, sudah 2 bulan",
                Optional.empty(), new Location(Optional.of("32.73"), Optional.empty(), point), false, false,
                Optional.of(TestComplaints.SEAL.seal(reporter)), attachments,
                Optional.of(new ChannelOrigin("kannel", Optional.of("1708"), Optional.of("fake"),
                        Optional.of(UUID.randomUUID().toString()))));
    }

    private static ComplaintSupplemented supplement(String id, String code, String text, List<Attachment> attachments,
            Optional<GeoPoint> point, String messageId) {
        return new ComplaintSupplemented(id, code, Instant.now(), Channel.SMS, text, attachments, point,
                Optional.of(new ChannelOrigin("kannel", Optional.of("1708"), Optional.of("fake"), Optional.of(messageId))));
    }
}
