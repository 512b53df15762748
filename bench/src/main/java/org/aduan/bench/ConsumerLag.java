package org.aduan.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind each service's consumer group is: the records on its partitions it has not committed yet.
 * Sampled during the load phases, it names the slowest consumer; at the end it tells "still queued" from
 * "lost". Groups of the benchmark itself are left out.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /**
     * Group → records it has not committed yet on its most lagging topic (summed over that topic's partitions;
     * empty when the broker does not answer). Per topic, not summed over topics: notification reads three
     * topics of about one event per complaint each, and must not look three times as far behind as routing,
     * which reads one.
     */
    Map<String, Long> lagByGroup() {
        try {
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                if (g.groupId().startsWith("bench-")) {
                    continue;
                }
                committed.put(g.groupId(), admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS));
            }
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            committed.values().forEach(m -> m.keySet().forEach(p -> wanted.put(p, OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            Map<String, Long> lag = new TreeMap<>();
            committed.forEach((group, offsets) -> {
                Map<String, Long> byTopic = new HashMap<>();
                offsets.forEach((p, o) -> {
                    if (o != null) {
                        byTopic.merge(p.topic(), Math.max(0, ends.getOrDefault(p, 0L) - o.offset()), Long::sum);
                    }
                });
                lag.put(group, byTopic.values().stream().mapToLong(Long::longValue).max().orElse(0));
            });
            return lag;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** The partitions the running members of {@code group} are assigned (all its channels together). */
    java.util.Set<TopicPartition> assigned(String group) throws Exception {
        java.util.Set<TopicPartition> partitions = new java.util.HashSet<>();
        admin.describeConsumerGroups(java.util.List.of(group)).all().get(10, TimeUnit.SECONDS).values()
                .forEach(d -> d.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions())));
        return partitions;
    }

    /**
     * Moves the offsets of {@code group} on {@code partitions} and on every partition it has committed to the
     * end, so that the service starts after what was produced while it was stopped (a partition it never
     * committed to would otherwise be read from the beginning). The group must have no member (retried until
     * it has none).
     */
    void skipToEnd(String group, java.util.Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.keySet().forEach(p -> wanted.put(p, OffsetSpec.latest()));
        partitions.forEach(p -> wanted.put(p, OffsetSpec.latest()));
        if (wanted.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS)
                .forEach((p, info) -> ends.put(p, new OffsetAndMetadata(info.offset())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, ends).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000); // a member has not left yet (its session has to expire)
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
