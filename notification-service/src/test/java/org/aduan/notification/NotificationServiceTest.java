package org.aduan.notification;

import static io.restassured.RestAssured.given;
import static org.aduan.notification.KafkaTestSupport.publish;
import static org.aduan.notification.KafkaTestSupport.publishToPartition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.AgencyName;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.aduan.events.identity.Reporter;
import org.aduan.notification.contact.PendingStatusUpdate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class NotificationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Keeps the changedAt of status changes made in one test strictly increasing. */
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
    private static final String PIN_HASH = new PinHash("dev-1", "cGluLWtleS1mb3ItZGV2ZWxvcG1lbnQtb25seS0wMDE=").hash("123456");
    private static final IdentitySeal SEAL = new IdentitySeal("dev-1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    /** This profile configures no provider, as {@code ./aduan up} without provider credentials. */
    @Test
    void messageForAProviderThatIsNotConfiguredIsRecordedAsUndeliverableWithoutAttempts() {
        ComplaintSubmitted english = submitted("en", Channel.SMS, true);
        ComplaintSubmitted indonesian = submitted("id", Channel.WHATSAPP, true);

        publish(Topics.SUBMITTED, english);
        publish(Topics.SUBMITTED, indonesian);

        await().atMost(WAIT).untilAsserted(() -> notifications(english.complaintId())
                .body("", hasSize(1))
                .body("[0].kind", equalTo("ACKNOWLEDGEMENT"))
                .body("[0].channel", equalTo("SMS"))
                .body("[0].provider", equalTo("kannel")) // SMS without origin: the configured SMS provider
                .body("[0].language", equalTo("en"))
                .body("[0].status", equalTo("UNDELIVERABLE"))
                .body("[0].reason", equalTo("channel-not-configured"))
                .body("[0].attempts", hasSize(0))
                // on SMS there is no PIN: the acknowledgement says how to ask for the status
                .body("[0].body", equalTo("Thank you, we have received your complaint. Tracking code: "
                        + english.trackingCode() + ". To check its status, reply STATUS " + english.trackingCode()))
                // the recipient stays sealed: never in the operators' view
                .body("[0].recipient", nullValue()));
        await().atMost(WAIT).untilAsserted(() -> notifications(indonesian.complaintId())
                .body("[0].language", equalTo("id"))
                .body("[0].channel", equalTo("WHATSAPP"))
                .body("[0].provider", equalTo("whatsapp"))
                .body("[0].status", equalTo("UNDELIVERABLE"))
                .body("[0].reason", equalTo("channel-not-configured"))
                .body("[0].body", containsString("Kode pelacakan: " + indonesian.trackingCode())));
    }

    @Test
    void anonymousWebComplaintWithoutContactStillGetsAnOnScreenAcknowledgement() {
        ComplaintSubmitted event = submitted("id", Channel.WEB, false);

        publish(Topics.SUBMITTED, event);

        await().atMost(WAIT).untilAsserted(() -> notifications(event.complaintId())
                .body("kind", contains("ACKNOWLEDGEMENT"))
                .body("[0].channel", equalTo("WEB"))
                .body("[0].provider", nullValue())
                .body("[0].status", equalTo("ON_SCREEN"))
                .body("[0].attempts", hasSize(0))
                .body("[0].body", containsString("Simpan PIN Anda")));
    }

    @Test
    void sameSubmittedEventDeliveredTwiceRecordsOneAcknowledgement() {
        ComplaintSubmitted event = submitted("id", Channel.SMS, true);
        Headers envelope = KafkaTestSupport.envelope(event);

        publish(Topics.SUBMITTED, event, envelope);
        publish(Topics.SUBMITTED, event, envelope);
        RecordMetadata last = publish(Topics.SUBMITTED, event); // a republish under a new event id

        // a marker behind the duplicates on their partition: once it is handled, so are they
        ComplaintSubmitted marker = submitted("id", Channel.SMS, true);
        publishToPartition(Topics.SUBMITTED, last.partition(), marker);
        await().atMost(WAIT).untilAsserted(() -> notifications(marker.complaintId()).body("", hasSize(1)));

        notifications(event.complaintId()).body("kind", contains("ACKNOWLEDGEMENT"));
    }

    @Test
    void routedComplaintGetsAStatusUpdate() {
        ComplaintSubmitted event = submitted("en", Channel.SMS, true);

        publish(Topics.SUBMITTED, event);
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "RECEIVED", null));
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "ROUTED", "pemda-32.73"));

        await().atMost(WAIT).untilAsserted(() -> notifications(event.complaintId())
                .body("kind", contains("ACKNOWLEDGEMENT", "STATUS_UPDATE"))
                .body("[1].body", equalTo("Your complaint " + event.trackingCode()
                        + " has been forwarded to pemda-32.73."))
                .body("[1].language", equalTo("en")));
    }

    @Test
    void laterStatusChangesAreToldOncePerChangeAndInternalStepsNotAtAll() {
        ComplaintSubmitted event = submitted("id", Channel.WEB, true);
        ComplaintStatusChanged routed = statusChanged(event.complaintId(), "ROUTED", "pln");
        Headers routedEnvelope = KafkaTestSupport.envelope(routed);

        publish(Topics.SUBMITTED, event);
        publish(Topics.LIFECYCLE, routed, routedEnvelope);
        publish(Topics.LIFECYCLE, routed, routedEnvelope); // redelivered
        publish(Topics.LIFECYCLE, routed); // republished under a new event id: same change, told once
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "TRANSFER_REQUESTED", "pln"));
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "ROUTED", "pemda-32.73")); // a transfer: told
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "IN_PROGRESS", "pemda-32.73"));
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "RESPONDED", "pemda-32.73"));
        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "CLOSED", "pemda-32.73"));

        String code = event.trackingCode();
        await().atMost(WAIT).untilAsserted(() -> notifications(event.complaintId())
                .body("body", contains(
                        "Terima kasih, aduan Anda sudah kami terima. Kode pelacakan: " + code
                                + ". Simpan PIN Anda untuk memantau perkembangannya.",
                        "Aduan " + code + " telah diteruskan ke pln.",
                        "Aduan " + code + " telah diteruskan ke pemda-32.73.",
                        "Aduan " + code + " sedang ditindaklanjuti oleh instansi yang berwenang.",
                        "Instansi telah menjawab aduan " + code + ". Terima kasih atas kesabaran Anda.",
                        "Aduan " + code + " telah selesai dan ditutup. Terima kasih telah melapor."))
                .body("status.unique()", contains("ON_SCREEN")));
    }

    @Test
    void theStatusUpdateNamesTheAgencyInTheCitizensLanguageWhenItsNameCameWithTheChange() {
        ComplaintSubmitted english = submitted("en", Channel.SMS, true);
        ComplaintSubmitted indonesian = submitted("id", Channel.SMS, true);
        AgencyName bandung = new AgencyName("Pemerintah Kota Bandung", "City Government of Bandung");

        for (ComplaintSubmitted event : List.of(english, indonesian)) {
            publish(Topics.SUBMITTED, event);
            publish(Topics.LIFECYCLE, new ComplaintStatusChanged(event.complaintId(), "ROUTED", Optional.of("RECEIVED"),
                    Optional.of("pemda-32.73"), Instant.now().plusNanos(SEQUENCE.incrementAndGet() * 1000), "system",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(bandung)));
        }

        await().atMost(WAIT).untilAsserted(() -> notifications(english.complaintId())
                .body("[1].body", equalTo("Your complaint " + english.trackingCode()
                        + " has been forwarded to City Government of Bandung.")));
        await().atMost(WAIT).untilAsserted(() -> notifications(indonesian.complaintId())
                .body("[1].body", equalTo("Aduan " + indonesian.trackingCode()
                        + " telah diteruskan ke Pemerintah Kota Bandung.")));
    }

    @Test
    void entryAgencyIsToldInBothLanguagesWhenItsComplaintGoesElsewhereOnce() {
        String complaintId = UUID.randomUUID().toString();
        ComplaintRouted elsewhere = new ComplaintRouted(complaintId, "pln", java.time.Instant.now(), "national-listrik",
                java.util.List.of("listrik padam"), 0.9, java.util.Optional.of("pemda-32.73"), Optional.of("listrik"),
                Optional.of("32.73"), Optional.empty(), 0,
                Optional.of(new AgencyName("PT PLN (Persero)", "PLN, the state electricity company")));
        Headers headers = KafkaTestSupport.envelope(elsewhere);
        publish(Topics.ROUTED, elsewhere, headers);
        publish(Topics.ROUTED, elsewhere, headers); // a redelivery tells nobody twice
        ComplaintRouted sameDoor = new ComplaintRouted(UUID.randomUUID().toString(), "pemda-32.73",
                java.time.Instant.now(), "local-region", java.util.List.of(), 0.9, java.util.Optional.of("pemda-32.73"));
        publish(Topics.ROUTED, sameDoor);

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("agencyId", "pemda-32.73")
                .get("/api/v1/notifications/agency-alerts").then().statusCode(200)
                .body("findAll { it.complaintId == '" + complaintId + "' }.size()", equalTo(1))
                .body("find { it.complaintId == '" + complaintId + "' }.bodyId",
                        equalTo("Aduan " + complaintId + " yang masuk melalui layanan Anda telah diteruskan ke PT PLN (Persero) (pln),"
                                + " instansi yang berwenang menindaklanjutinya (aturan national-listrik). Anda tidak"
                                + " perlu menindaklanjuti aduan ini; statusnya dapat dipantau di Aduan."))
                .body("find { it.complaintId == '" + complaintId + "' }.bodyEn",
                        org.hamcrest.Matchers.startsWith("Complaint " + complaintId + ", which came in through your"
                                + " service, has been forwarded to PLN, the state electricity company (pln)")));
        // routed to the door it came in by: nothing to tell
        await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                given().queryParam("agencyId", "pemda-32.73").get("/api/v1/notifications/agency-alerts").then()
                        .body("findAll { it.complaintId == '" + sameDoor.complaintId() + "' }.size()", equalTo(0)));
        given().get("/api/v1/notifications/agency-alerts").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void statusChangeBeforeTheComplaintIsKeptAndToldWhenItArrives() {
        ComplaintSubmitted event = submitted("id", Channel.TELEGRAM, true);

        publish(Topics.LIFECYCLE, statusChanged(event.complaintId(), "ROUTED", "pln"));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PendingStatusUpdate.exists(event.complaintId(), "ROUTED")));
        publish(Topics.SUBMITTED, event);

        await().atMost(WAIT).untilAsserted(() -> notifications(event.complaintId())
                .body("kind", contains("ACKNOWLEDGEMENT", "STATUS_UPDATE"))
                .body("[1].body", equalTo("Aduan " + event.trackingCode() + " telah diteruskan ke pln.")));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> PendingStatusUpdate.exists(event.complaintId(), "ROUTED"))).isFalse();
    }

    @Test
    void garbageGoesToDeadLetterTopicAndTheNextEventIsStillProcessed() {
        String garbageKey = UUID.randomUUID().toString();
        ComplaintSubmitted next = submitted("id", Channel.SMS, true);
        Headers headers = KafkaTestSupport.envelope(submitted("id", Channel.SMS, true));

        RecordMetadata garbage = KafkaTestSupport.send(
                new ProducerRecord<>(Topics.SUBMITTED, null, garbageKey, "not json at all", headers));
        publishToPartition(Topics.SUBMITTED, garbage.partition(), next);

        try (KafkaTestSupport.TopicReader dlq = new KafkaTestSupport.TopicReader(Topics.deadLetter(Topics.SUBMITTED))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(dlq.records())
                    .filteredOn(record -> garbageKey.equals(record.key()))
                    .anySatisfy(record -> {
                        assertThat(record.value()).isEqualTo("not json at all");
                        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(),
                                StandardCharsets.UTF_8)).contains("ComplaintSubmitted");
                    }));
        }
        await().atMost(WAIT).untilAsserted(() -> notifications(next.complaintId()).body("", hasSize(1)));
    }

    @Test
    void missingOrInvalidComplaintIdIsAValidationProblem() {
        for (var request : List.of(given(), given().queryParam("complaintId", "not-a-uuid"))) {
            request.when().get("/api/v1/notifications")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://aduan.org/problems/invalid-request"))
                    .body("errors[0].field", equalTo("complaintId"));
        }
        given().queryParam("replyId", "not-a-uuid").when().get("/api/v1/notifications")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("replyId"));
    }

    private static ValidatableResponse notifications(String complaintId) {
        return given().queryParam("complaintId", complaintId)
                .when().get("/api/v1/notifications")
                .then().statusCode(200);
    }

    private static ComplaintSubmitted submitted(String language, Channel channel, boolean withContact) {
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        Optional<Reporter> reporter = withContact
                ? Optional.of(new Reporter(Optional.empty(), Optional.of("+6281234567890"), Optional.empty(),
                        Optional.of("+6281234567890")))
                : Optional.empty();
        return new ComplaintSubmitted(UUID.randomUUID().toString(),
                "ADN-" + random.substring(0, 4) + "-" + random.substring(4, 8), PIN_HASH, Instant.now(), channel,
                Optional.empty(), language, Optional.empty(), "Lampu jalan mati sejak minggu lalu.",
                Optional.of("listrik"), new Location(Optional.of("32.73"), Optional.empty()), !withContact, false,
                reporter.map(SEAL::seal));
    }

    private static ComplaintStatusChanged statusChanged(String complaintId, String status, String agencyId) {
        return new ComplaintStatusChanged(complaintId, status,
                "ROUTED".equals(status) ? Optional.of("RECEIVED") : Optional.empty(),
                Optional.ofNullable(agencyId), Instant.now().plusNanos(SEQUENCE.incrementAndGet() * 1000),
                "system", Optional.empty());
    }
}
