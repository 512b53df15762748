package org.aduan.stats.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.aduan.events.Topics;
import org.aduan.stats.StatsConfig;
import org.aduan.stats.delivery.RetryPolicy;
import org.aduan.stats.projection.ComplaintProjection;
import org.aduan.stats.projection.ProjectionWriter;
import org.aduan.stats.projection.ProjectionWriter.Reduced;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every event topic from its beginning up to the end offsets of the moment it starts, and writes
 * what stats keeps of each event into a rebuild's tables, one transaction per batch. It uses a consumer of
 * its own, assigned to every partition by hand, with no group: it commits nothing and disturbs no one.
 * Events the live projection would dead-letter as malformed are skipped here, and counted as skipped.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);

    private final DataSource dataSource;
    private final ProjectionWriter writer;
    private final RetryPolicy retry;
    private final StatsConfig config;
    private final String bootstrapServers;

    Replay(DataSource dataSource, ProjectionWriter writer, RetryPolicy retry, StatsConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.retry = retry;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void run(long id, String schema) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.EVENT_TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            // Taken after the rebuild was recorded: later events reach the rebuild through the live consumer.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long total = 0;
            List<TopicPartition> done = new ArrayList<>();
            for (TopicPartition p : partitions) {
                total += end.get(p) - begin.get(p);
                if (end.get(p) <= begin.get(p)) {
                    done.add(p);
                }
            }
            consumer.pause(done);
            Counters counters = new Counters();
            progress(id, total, counters);
            LOG.infof("rebuild %d: %d events to replay from %d partitions", id, total, partitions.size());
            while (done.size() < partitions.size()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<Reduced> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // after the snapshot: the live consumer writes it into the rebuild
                    }
                    counters.read++;
                    try {
                        Optional<Reduced> reduced = ComplaintProjection.reduce(record);
                        reduced.ifPresent(batch::add);
                        if (reduced.isEmpty()) {
                            counters.skipped++;
                        }
                    } catch (RuntimeException malformed) {
                        counters.skipped++; // dead-lettered by the live projection; never counted there either
                    }
                }
                if (!batch.isEmpty()) {
                    counters.applied += retry.run(() -> QuarkusTransaction.requiringNew().call(() -> {
                        try (Connection c = dataSource.getConnection()) {
                            return writer.apply(c, schema, batch).size();
                        }
                    }));
                }
                for (TopicPartition p : partitions) {
                    if (!done.contains(p) && consumer.position(p) >= end.get(p)) {
                        done.add(p);
                        consumer.pause(List.of(p));
                    }
                }
                progress(id, total, counters);
            }
            LOG.infof("rebuild %d: replayed %d events (%d applied, %d skipped)", id, counters.read, counters.applied,
                    counters.skipped);
        }
    }

    private static final class Counters {
        long read;
        long applied;
        long skipped;
    }

    /** Progress and heartbeat, in a short transaction of their own. */
    private void progress(long id, long total, Counters counters) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                    update public.stats_rebuild
                    set events_total = ?, events_read = ?, events_applied = ?, events_skipped = ?, heartbeat_at = now()
                    where id = ? and state = 'REPLAYING'""")) {
                s.setLong(1, total);
                s.setLong(2, counters.read);
                s.setLong(3, counters.applied);
                s.setLong(4, counters.skipped);
                s.setLong(5, id);
                if (s.executeUpdate() == 0) {
                    throw new IllegalStateException("rebuild " + id + " is no longer replaying");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stats-service-rebuild");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().batchSize());
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        return props;
    }
}
