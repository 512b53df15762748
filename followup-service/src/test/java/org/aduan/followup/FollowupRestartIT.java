package org.aduan.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.aduan.devstack.AduanService;
import org.aduan.devstack.Infrastructure;
import org.aduan.devstack.KeycloakServer;
import org.aduan.devstack.Ports;
import org.aduan.devstack.ServiceLauncher;
import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * followup-service as a real process (the packaged application), stopped in the middle of its work and
 * started again a month later: no transition is lost or repeated, a routing decision published while it
 * was down is applied, and the SLA timers it had set fire after the restart, from the database.
 */
class FollowupRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Infrastructure infra;
    private static KafkaProducer<String, String> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startInfrastructure() {
        infra = Infrastructure.forTests(Path.of("target", "devstack-it").toAbsolutePath(), true);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void stopInfrastructure() {
        if (producer != null) {
            producer.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aRestartMidWayLosesNoTimerAndNoTransition() throws Exception {
        int port = Ports.free();
        Path logs = Path.of("target", "it-logs").toAbsolutePath();
        KeycloakServer keycloak = infra.keycloak().orElseThrow();
        String answered = UUID.randomUUID().toString();
        String ignored = UUID.randomUUID().toString();
        String pending = UUID.randomUUID().toString();
        String answeredCode = TestComplaints.newTrackingCode();
        String pendingCode = TestComplaints.newTrackingCode();

        ServiceLauncher first = ServiceLauncher.start(infra, Map.of(AduanService.FOLLOWUP, port), logs.resolve("first"),
                Map.of("aduan.sla.sweep-every", "1s"));
        String base = first.baseUrl(AduanService.FOLLOWUP);
        try {
            publish(Topics.SUBMITTED, TestComplaints.submitted(answered, answeredCode));
            publish(Topics.ROUTED, TestComplaints.routed(answered, "pemda-32.73"));
            publish(Topics.SUBMITTED, TestComplaints.submitted(ignored, TestComplaints.newTrackingCode()));
            publish(Topics.ROUTED, TestComplaints.routed(ignored, "pemda-32.73"));
            publish(Topics.SUBMITTED, TestComplaints.submitted(pending, pendingCode));
            awaitStatus(base, answeredCode, "ROUTED");
            awaitStatus(base, pendingCode, "RECEIVED");

            String officer = keycloak.passwordToken("aduan-cli", "officer.bandung", "aduan-demo");
            assertThat(post(base + "/api/v1/agency/complaints/" + answered + "/acknowledge", officer, null).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> response = post(base + "/api/v1/agency/complaints/" + answered + "/respond", officer,
                    "{\"answer\": \"Jalan sudah ditambal oleh Dinas PU.\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            HttpResponse<String> ignoredDetail = get(base + "/api/v1/agency/complaints/" + ignored, officer);
            assertThat(json(ignoredDetail.body()).path("dueAt").asText()).isNotBlank();
        } finally {
            // SIGTERM, as an orchestrator would stop it
            first.close();
        }

        // while followup is down, routing decides about the third complaint
        publish(Topics.ROUTED, TestComplaints.routed(pending, "pemda-32.73"));

        // a month later (service clock), followup starts again: only the database knows its timers
        ServiceLauncher second = ServiceLauncher.start(infra, Map.of(AduanService.FOLLOWUP, port), logs.resolve("second"),
                Map.of("aduan.sla.sweep-every", "1s", "aduan.clock.offset", "P30D"));
        try {
            String restarted = second.baseUrl(AduanService.FOLLOWUP);
            awaitStatus(restarted, pendingCode, "ROUTED");
            JsonNode closed = awaitStatus(restarted, answeredCode, "CLOSED");
            List<String> steps = new ArrayList<>();
            closed.path("history").forEach(step -> steps.add(step.path("action").asText()));
            assertThat(steps).containsExactly("SUBMIT", "ROUTE", "ACKNOWLEDGE", "RESPOND", "AUTO_CLOSE");

            Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                List<ComplaintEscalated> escalations = events(ignored, ComplaintEscalated.TYPE, ComplaintEscalated.class);
                assertThat(escalations).extracting(ComplaintEscalated::level).containsExactly(1, 2);
                assertThat(escalations).extracting(ComplaintEscalated::escalatedTo)
                        .containsExactly(Optional.of("pemda-32"), Optional.of("kemenpanrb"));
            });
            // every transition published exactly once, across the restart
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    events(answered, ComplaintStatusChanged.TYPE, ComplaintStatusChanged.class))
                    .extracting(ComplaintStatusChanged::status)
                    .containsExactly("RECEIVED", "ROUTED", "IN_PROGRESS", "RESPONDED", "CLOSED"));
            assertThat(events(pending, ComplaintStatusChanged.TYPE, ComplaintStatusChanged.class))
                    .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED");
            assertThat(events(ignored, ComplaintStatusChanged.TYPE, ComplaintStatusChanged.class))
                    .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED");
        } finally {
            second.close();
        }
    }

    private JsonNode awaitStatus(String base, String trackingCode, String status) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/track/" + trackingCode))
                    .header("X-Aduan-Pin", TestComplaints.PIN).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = json(response.body());
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private HttpResponse<String> post(String url, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(String topic, ComplaintEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, event.complaintId(), EventJson.write(event),
                EventEnvelope.of(event, "/aduan/test", Instant.now()).toHeaders())).get(30, TimeUnit.SECONDS);
    }

    /** Every event of one type about one complaint on complaints.lifecycle, read from the beginning. */
    private static <E extends ComplaintEvent> List<E> events(String complaintId, String type, Class<E> eventClass) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<E> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LIFECYCLE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (complaintId.equals(r.key()) && type.equals(EventEnvelope.fromHeaders(r.headers()).type())) {
                        found.add(EventJson.read(r.value(), eventClass));
                    }
                }
            }
        }
        return found;
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
