package org.aduan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.aduan.devstack.AduanService;
import org.aduan.events.EventEnvelope;
import org.aduan.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A complaint followed from the citizen's POST through all five services, as a citizen and an agency see it. */
class ComplaintJourneyTest {

    static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void complaintForBandungIsRoutedToTheCityTrackedCountedAndAcknowledged() {
        Submitted complaint = submit("""
                {"title": "Jalan berlubang", "text": "Jalan berlubang besar di Jl. Soekarno-Hatta, sudah dua bulan.",
                 "category": "infrastruktur", "location": {"regionCode": "32.73", "description": "Jl. Soekarno-Hatta"},
                 "reporter": {"name": "Siti Rahmawati", "phone": "+6281234500001"}, "language": "id"}
                """);

        JsonNode tracked = awaitTrackedStatus(complaint, "ROUTED");
        assertThat(tracked.path("agencyId").asText()).isEqualTo("pemda-32.73");
        assertThat(tracked.path("agencyName").asText()).isEqualTo("Pemerintah Kota Bandung");
        assertThat(tracked.path("history").findValuesAsText("status")).containsSubsequence("RECEIVED", "ROUTED");

        JsonNode inbox = platform.get(AduanService.FOLLOWUP, "/api/v1/agency/complaints?size=100",
                platform.bearer("officer.bandung")).json();
        assertThat(inbox.path("items").findValuesAsText("complaintId")).contains(complaint.id());

        // Stats counted it, and publish its province as "fewer than 10" rather than a number that could
        // point at the citizen (exact counts are checked against the events in stats-service's own tests).
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode province = cell(stats(), "byProvince", "32");
            assertThat(province.path("suppressed").asBoolean()).as(province.toString()).isTrue();
            assertThat(province.path("count").isNull()).isTrue();
        });

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode messages = platform.get(AduanService.NOTIFICATION,
                    "/api/v1/notifications?complaintId=" + complaint.id(), Map.of()).json();
            List<JsonNode> acks = StreamSupport.stream(messages.spliterator(), false)
                    .filter(m -> "ACKNOWLEDGEMENT".equals(m.path("kind").asText())).toList();
            assertThat(acks).hasSize(1);
            assertThat(acks.get(0).path("language").asText()).isEqualTo("id");
            assertThat(acks.get(0).path("body").asText()).contains(complaint.trackingCode()).contains("Terima kasih");
        });
    }

    @Test
    void complaintWithoutRegionWaitsForAnOperatorInsteadOfGettingLost() {
        Submitted complaint = submit("{\"text\": \"Lampu jalan di gang kami mati sejak bulan lalu.\", \"language\": \"id\"}");

        JsonNode tracked = awaitTrackedStatus(complaint, "TRIAGE");
        assertThat(tracked.has("agencyId") && !tracked.get("agencyId").isNull()).isFalse();
    }

    @Test
    void wrongPinAnswersExactlyLikeAnUnknownCode() {
        Submitted complaint = submit("{\"text\": \"Sampah tidak diangkut seminggu.\", \"location\": {\"regionCode\": \"32\"}}");
        awaitTrackedStatus(complaint, "ROUTED");
        String wrongPin = complaint.pin().equals("000000") ? "111111" : "000000";

        Platform.Response wrong = platform.get(AduanService.FOLLOWUP, "/api/v1/track/" + complaint.trackingCode(),
                Map.of("X-Aduan-Pin", wrongPin));
        Platform.Response unknown = platform.get(AduanService.FOLLOWUP, "/api/v1/track/ADN-2222-2222",
                Map.of("X-Aduan-Pin", complaint.pin()));

        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void sameEventDeliveredTwiceLeavesOneCaseOneCountAndOneAcknowledgement() throws Exception {
        Submitted complaint = submit("""
                {"text": "Air PDAM tidak mengalir tiga hari.", "category": "air",
                 "location": {"regionCode": "32.73.01"}, "language": "id"}
                """);
        awaitTrackedStatus(complaint, "ROUTED");
        ConsumerRecord<String, String> original = firstRecord(Topics.SUBMITTED, complaint.id());
        awaitAllConsumed();
        JsonNode statsBefore = settledStats();

        RecordMetadata redelivered;
        try (var producer = platform.producer()) {
            redelivered = producer.send(new ProducerRecord<>(original.topic(), original.partition(), original.key(),
                    original.value(), original.headers())).get(10, TimeUnit.SECONDS);
        }
        assertThat(redelivered.offset()).isGreaterThan(original.offset());
        awaitAllConsumed();

        assertThat(EventEnvelope.fromHeaders(original.headers()).id()).isNotBlank();
        JsonNode inbox = platform.get(AduanService.FOLLOWUP, "/api/v1/agency/complaints?size=100",
                platform.bearer("officer.bandung")).json();
        assertThat(inbox.path("items").findValuesAsText("complaintId").stream()
                .filter(complaint.id()::equals)).hasSize(1);
        // what the public sees did not move (stats-service's own tests count the duplicate exactly once)
        assertThat(withoutTimes(settledStats())).isEqualTo(withoutTimes(statsBefore));
        JsonNode messages = platform.get(AduanService.NOTIFICATION,
                "/api/v1/notifications?complaintId=" + complaint.id(), Map.of()).json();
        assertThat(StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> "ACKNOWLEDGEMENT".equals(m.path("kind").asText()))).hasSize(1);
        assertThat(records(Topics.ROUTED, complaint.id(), Duration.ofSeconds(2))).hasSize(1);
        assertThat(records(Topics.LIFECYCLE, complaint.id(), Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().contains("\"status\":\"ROUTED\""))).hasSize(1);
    }

    @Test
    void invalidComplaintIsRejectedAndNeverReachesTheOtherServices() throws Exception {
        awaitAllConsumed();
        JsonNode before = settledStats();
        Platform.Response response = platform.post(AduanService.INTAKE, "/api/v1/complaints",
                "{\"text\": \"   \", \"location\": {\"regionCode\": \"99.99\"}}", Map.of("Accept-Language", "id"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).contains("text", "location.regionCode");
        assertThat(withoutTimes(settledStats())).isEqualTo(withoutTimes(before));
    }

    // --- helpers ---

    record Submitted(String id, String trackingCode, String pin) {
    }

    private static Submitted submit(String json) {
        Platform.Response response = platform.post(AduanService.INTAKE, "/api/v1/complaints", json, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode body = response.json();
        return new Submitted(body.path("id").asText(), body.path("trackingCode").asText(), body.path("pin").asText());
    }

    private static JsonNode awaitTrackedStatus(Submitted complaint, String status) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Platform.Response r = platform.get(AduanService.FOLLOWUP, "/api/v1/track/" + complaint.trackingCode(),
                    Map.of("X-Aduan-Pin", complaint.pin()));
            if (r.status() != 200) {
                return false;
            }
            last[0] = r.json();
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private static JsonNode stats() {
        Platform.Response r = platform.get(AduanService.STATS, "/api/v1/stats/summary", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** One published cell, {key, count, suppressed}; a missing node when the key is not listed. */
    private static JsonNode cell(JsonNode stats, String dimension, String key) {
        for (JsonNode cell : stats.path(dimension)) {
            if (key.equals(cell.path("key").asText())) {
                return cell;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The summary once a snapshot taken after everything was consumed is served (snapshots are 1 s old at most). */
    private static JsonNode settledStats() {
        JsonNode[] last = {withoutTimes(stats())};
        Awaitility.await().pollDelay(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(30)).until(() -> {
                    JsonNode now = withoutTimes(stats());
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        return stats();
    }

    /** The summary without its "about" block (publication time), for before/after comparisons. */
    private static JsonNode withoutTimes(JsonNode stats) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = stats.deepCopy();
        copy.remove("about");
        return copy;
    }

    private static ConsumerRecord<String, String> firstRecord(String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = platform.consumer()) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static List<ConsumerRecord<String, String>> records(String topic, String key, Duration window) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = platform.consumer()) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    /** Waits until every service consuming complaints.submitted has committed everything on it so far. */
    private static void awaitAllConsumed() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infra.kafka().bootstrapServers());
        try (Admin admin = Admin.create(config); KafkaConsumer<String, String> probe = platform.consumer()) {
            List<TopicPartition> partitions = probe.partitionsFor(Topics.SUBMITTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions);
            for (String group : List.of("routing-service", "followup-service", "stats-service", "notification-service")) {
                Awaitility.await(group + " consumed " + ends).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                            return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                                    || (committed.get(e.getKey()) != null
                                            && committed.get(e.getKey()).offset() >= e.getValue()));
                        });
            }
        }
    }
}
