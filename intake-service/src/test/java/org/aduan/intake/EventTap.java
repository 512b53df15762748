package org.aduan.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.aduan.events.AduanEvent;
import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.Reporter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads what intake published on {@code complaints.submitted} and {@code channel.replies} since the
 * tap opened. {@link #sync()} reads up to the topics' current end, so that after a webhook answered
 * (intake answers only after the broker acknowledged) the tap holds everything it published.
 */
public final class EventTap {

    private static EventTap instance;

    private final KafkaConsumer<String, String> consumer;
    private final List<AduanEvent> events = new ArrayList<>();
    private final IdentitySeal seal;

    private EventTap() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "intake-test-tap-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.SUBMITTED, Topics.CHANNEL_REPLIES)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any test sends
        seal = new IdentitySeal(ConfigProvider.getConfig().getValue("aduan.identity.key-id", String.class),
                ConfigProvider.getConfig().getValue("aduan.identity.key", String.class));
    }

    /** Opens the tap (once per test JVM); call before sending anything the test looks for. */
    public static synchronized EventTap open() {
        if (instance == null) {
            instance = new EventTap();
        }
        return instance;
    }

    /** Reads every record up to the current end of both topics. */
    public synchronized EventTap sync() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                String type = EventEnvelope.fromHeaders(r.headers()).type();
                switch (type) {
                    case ComplaintSubmitted.TYPE -> events.add(EventJson.read(r.value(), ComplaintSubmitted.class));
                    case ComplaintSupplemented.TYPE -> events.add(EventJson.read(r.value(), ComplaintSupplemented.class));
                    case ChannelReplyRequested.TYPE -> events.add(EventJson.read(r.value(), ChannelReplyRequested.class));
                    default -> {
                    }
                }
            }
        }
        return this;
    }

    public synchronized List<ComplaintSubmitted> submitted(Predicate<ComplaintSubmitted> which) {
        sync();
        return events.stream().filter(ComplaintSubmitted.class::isInstance).map(ComplaintSubmitted.class::cast)
                .filter(which).toList();
    }

    public List<ComplaintSubmitted> submittedWithText(String marker) {
        return submitted(e -> e.text().contains(marker));
    }

    /** Waits (bounded) for the one complaint whose text contains {@code marker}. */
    public ComplaintSubmitted awaitSubmitted(String marker) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !submittedWithText(marker).isEmpty());
        return submittedWithText(marker).get(0);
    }

    public synchronized List<ComplaintSupplemented> supplemented(String complaintId) {
        sync();
        return events.stream().filter(ComplaintSupplemented.class::isInstance).map(ComplaintSupplemented.class::cast)
                .filter(e -> e.complaintId().equals(complaintId)).toList();
    }

    /**
     * Replies whose sealed recipient opens to {@code address}, in the order they were requested (keyed by
     * reply id, they spread over partitions, so the topic does not keep their order).
     */
    public synchronized List<ChannelReplyRequested> repliesTo(String address) {
        sync();
        return events.stream().filter(ChannelReplyRequested.class::isInstance).map(ChannelReplyRequested.class::cast)
                .filter(r -> opens(r, address))
                .sorted(java.util.Comparator.comparing(ChannelReplyRequested::requestedAt)).toList();
    }

    public Reporter open(org.aduan.events.identity.SealedIdentity sealed) {
        return seal.open(sealed);
    }

    private boolean opens(ChannelReplyRequested reply, String address) {
        return seal.open(reply.recipient()).channelAddress().filter(address::equals).isPresent();
    }
}
