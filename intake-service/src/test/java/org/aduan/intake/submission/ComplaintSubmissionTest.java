package org.aduan.intake.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class ComplaintSubmissionTest {

    @Inject
    EntityManager em;

    @Inject
    IdentitySeal seal;

    @Inject
    PinHash pins;

    @Test
    void validComplaintIsAcceptedOnlyWithItsEventOnTheBroker() {
        String name = "Siti-" + UUID.randomUUID();
        ExtractableResponse<Response> response = given().contentType(ContentType.JSON).body("""
                {"title": "Jalan berlubang", "text": "Jalan berlubang besar di depan pasar, membahayakan pengendara.",
                 "category": "infrastruktur", "location": {"regionCode": "32.73", "description": "Jl. Merdeka"},
                 "reporter": {"name": "%s", "phone": "+6281234567890"}, "language": "id"}
                """.formatted(name))
                .when().post("/api/v1/complaints")
                .then().statusCode(202)
                .header("Location", matchesPattern("http://localhost:\\d+/api/v1/complaints/[0-9a-f-]{36}"))
                .body("trackingCode", matchesPattern("ADN-[2-9A-Z]{4}-[2-9A-Z]{4}"))
                .body("pin", matchesPattern("\\d{6}"))
                .body("message", containsString("Aduan Anda telah diterima"))
                .extract();
        String id = response.path("id");
        String pin = response.path("pin");

        ConsumerRecord<String, String> record = awaitEvent(id);
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        ComplaintSubmitted event = EventJson.read(record.value(), ComplaintSubmitted.class);
        assertThat(record.key()).isEqualTo(id);
        assertThat(envelope.type()).isEqualTo("aduan.complaint.submitted.v1");
        assertThat(envelope.source().toString()).isEqualTo("/aduan/intake-service");
        assertThat(event.trackingCode()).isEqualTo(response.path("trackingCode"));
        assertThat(event.location().regionCode()).contains("32.73");
        assertThat(pins.matches(pin, event.pinHash())).isTrue();
        assertThat(record.value()).doesNotContain(name).doesNotContain("+6281234567890").doesNotContain(pin);
        assertThat(seal.open(event.reporter().orElseThrow()).name()).contains(name);

        given().when().get("/api/v1/complaints/" + id)
                .then().statusCode(200).body("trackingCode", equalTo(event.trackingCode()))
                .body("pin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void englishComplaintIsAcknowledgedInEnglish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9")
                .body("{\"text\": \"The street light is broken\", \"language\": \"en\", \"location\": {\"regionCode\": \"32\"}}")
                .when().post("/api/v1/complaints")
                .then().statusCode(202).body("message", containsString("Your complaint has been received"));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"text\": \"jalan rusak\",", "malformed-json", null),
                Arguments.of("not an object", "[1, 2]", "invalid-complaint", "$"),
                Arguments.of("missing text", "{\"title\": \"x\"}", "invalid-complaint", "text"),
                Arguments.of("empty text", "{\"text\": \"\"}", "invalid-complaint", "text"),
                Arguments.of("whitespace text", "{\"text\": \"   \\n\\t \"}", "invalid-complaint", "text"),
                Arguments.of("text too long", "{\"text\": \"" + "a".repeat(10_001) + "\"}", "invalid-complaint", "text"),
                Arguments.of("text of wrong type", "{\"text\": 123}", "invalid-complaint", "text"),
                Arguments.of("unknown region", "{\"text\": \"banjir\", \"location\": {\"regionCode\": \"99.99\"}}",
                        "invalid-complaint", "location.regionCode"),
                Arguments.of("malformed region", "{\"text\": \"banjir\", \"location\": {\"regionCode\": \"Bandung\"}}",
                        "invalid-complaint", "location.regionCode"),
                Arguments.of("boolean of wrong type", "{\"text\": \"banjir\", \"anonymous\": \"yes\"}",
                        "invalid-complaint", "anonymous"),
                Arguments.of("unknown category", "{\"text\": \"banjir\", \"category\": \"cuaca\"}",
                        "invalid-complaint", "category"),
                Arguments.of("bad language", "{\"text\": \"banjir\", \"language\": \"fr\"}", "invalid-complaint", "language"),
                Arguments.of("bad e-mail", "{\"text\": \"banjir\", \"reporter\": {\"email\": \"nope\"}}",
                        "invalid-complaint", "reporter.email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRejectedWithAProblemNamingTheFieldAndNothingIsPublished(String why, String body, String kind,
            String field) {
        long complaintsBefore = complaintCount();
        long offsetsBefore = submittedEndOffsets();

        var then = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/" + kind))
                .body("status", equalTo(400))
                .body("title", notNullValue());
        if (field != null) {
            then.body("errors.field", hasItem(field));
        }

        assertThat(complaintCount()).isEqualTo(complaintsBefore);
        assertThat(submittedEndOffsets()).isEqualTo(offsetsBefore);
    }

    @Test
    void validationMessagesFollowTheClientsLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "id").body("{\"text\": \"\"}")
                .when().post("/api/v1/complaints")
                .then().statusCode(400).body("title", equalTo("Aduan tidak valid"))
                .body("errors[0].message", equalTo("tidak boleh kosong"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body("{\"text\": \"\"}")
                .when().post("/api/v1/complaints")
                .then().statusCode(400).body("title", equalTo("Invalid complaint"))
                .body("errors[0].message", equalTo("must not be empty"));
    }

    @Test
    void retriedRequestWithTheSameIdempotencyKeyGetsTheSameComplaint() {
        String key = "retry-" + UUID.randomUUID();
        String body = "{\"text\": \"Sampah menumpuk di pinggir jalan\", \"location\": {\"regionCode\": \"32.73.01\"}}";
        Map<String, Object> first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/complaints").then().statusCode(202).extract().as(Map.class);
        Map<String, Object> second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/complaints").then().statusCode(202).extract().as(Map.class);

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("trackingCode")).isEqualTo(first.get("trackingCode"));
        assertThat(second.get("pin")).isEqualTo(first.get("pin"));
        assertThat(eventsFor((String) first.get("id"), Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void unknownReceiptIsAProblem() {
        given().when().get("/api/v1/complaints/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/complaint-not-found"));
        given().when().get("/api/v1/complaints/not-a-uuid").then().statusCode(404);
    }

    private long complaintCount() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery("SELECT count(*) FROM complaint").getSingleResult()).longValue());
    }

    private static ConsumerRecord<String, String> awaitEvent(String complaintId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.SUBMITTED));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (complaintId.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** Every submitted event of one complaint that reaches the topic within {@code window}. */
    private static List<ConsumerRecord<String, String>> eventsFor(String complaintId, Duration window) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.SUBMITTED));
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (complaintId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static long submittedEndOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMITTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
