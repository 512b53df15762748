package org.aduan.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Sees complaints arrive in an inbox: followup-service publishes {@code ROUTED} on complaints.lifecycle
 * (through its outbox, after the transaction that gave the case to the agency committed), or {@code TRIAGE}
 * when the case went to the operators' queue instead. The first of those per complaint is its arrival.
 * <p>
 * Reading followup's own events is exact and cheap: the event exists only once the case is in the agency's
 * inbox, and it is seen here at most a few milliseconds (the outbox relay and one Kafka hop) after an agency
 * officer could have seen it, so the figure is an upper bound. Polling followup's agency API would need
 * Keycloak tokens and would itself load followup.
 */
final class InboxWatcher implements AutoCloseable {

    /** When (this JVM's nanoTime) and how a complaint arrived: {@code ROUTED} or {@code TRIAGE}. */
    record Arrival(long nanos, String status) {
    }

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong lastArrival = new AtomicLong();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;

    InboxWatcher(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-inbox-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        thread = new Thread(this::watch, "inbox-watcher");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the inbox watcher did not reach the end of " + Topics.LIFECYCLE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void watch() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LIFECYCLE, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve now: nothing published after this is missed
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (!ComplaintStatusChanged.TYPE.equals(EventEnvelope.fromHeaders(r.headers()).type())) {
                        continue;
                    }
                    ComplaintStatusChanged e = EventJson.read(r.value(), ComplaintStatusChanged.class);
                    if ("ROUTED".equals(e.status()) || "TRIAGE".equals(e.status())) {
                        if (arrivals.putIfAbsent(e.complaintId(), new Arrival(now, e.status())) == null) {
                            lastArrival.set(now);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    Arrival arrival(String complaintId) {
        return arrivals.get(complaintId);
    }

    /** nanoTime of the latest first arrival, 0 before any. */
    long lastArrivalNanos() {
        return lastArrival.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
