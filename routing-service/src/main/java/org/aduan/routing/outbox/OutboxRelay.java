package org.aduan.routing.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in insertion order through the {@code outbox} channel and marks each one
 * published only after the broker acknowledged it ({@code acks=all}, idempotent producer). A crash
 * between the ack and the commit republishes the row with the same {@code ce_id}, which consumers'
 * ledgers recognise: at least once, never lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final OutboxConfig config;

    OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, EntityManager em, OutboxConfig config) {
        this.emitter = emitter;
        this.em = em;
        this.config = config;
    }

    private final java.util.concurrent.ExecutorService wakeWorker = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "outbox-relay");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicBoolean wakePending = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Asks for a flush soon, on the relay's own thread, and returns at once: a consumer goes on with its
     * next event instead of waiting for the broker's ack. Wake-ups that arrive while a flush is queued
     * are folded into it.
     */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            wakeWorker.execute(() -> {
                wakePending.set(false);
                flush();
            });
        }
    }

    /**
     * Safety net for rows whose transaction's own flush failed (broker down) or was skipped (crash).
     * Skipped until start-up completes: the {@code outbox} channel is wired only then.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        flush();
    }

    /**
     * Publishes every unpublished row. One relay at a time in this process keeps rows in order; across
     * replicas {@code FOR UPDATE SKIP LOCKED} keeps two relays from publishing the same row at once.
     * Failures are logged, not thrown: the rows stay unpublished and the next run tries again.
     */
    public synchronized void flush() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay stopped, will retry: %s", e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private int publishBatch() {
        List<OutboxEvent> rows = em.createNativeQuery("""
                        select * from outbox_event
                        where published_at is null
                        order by id
                        limit :limit
                        for update skip locked""", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        // Send the whole batch, then wait for the acks: one round trip per batch, not per row. The
        // idempotent producer keeps the batch in order on each partition.
        try {
            if (!rows.isEmpty()) {
                sendAndAwaitAcks(rows);
            }
        } catch (RuntimeException e) {
            // Nothing of this batch is marked; all of it is sent again, with the same ce_ids, next run.
            LOG.warnf("outbox batch of %d not acknowledged, will retry: %s", rows.size(), e.toString());
            return -1;
        }
        Instant now = Instant.now();
        rows.forEach(row -> row.publishedAt = now);
        return rows.size();
    }

    /**
     * The sends run on a thread of their own that carries no transaction: created inside the
     * transaction, the sends' callbacks would carry it onto Kafka's threads (context propagation), and
     * Narayana then refuses the commit ("multiple threads active") and leaves the rows locked.
     */
    private void sendAndAwaitAcks(List<OutboxEvent> rows) {
        List<Message<String>> messages = rows.stream().map(OutboxRelay::message).toList();
        java.util.concurrent.Future<?> sent = sender.submit(() -> {
            List<io.smallrye.mutiny.Uni<Void>> acks = messages.stream().map(emitter::sendMessage).toList();
            io.smallrye.mutiny.Uni.join().all(acks).andFailFast().await().atMost(config.sendTimeout());
        });
        try {
            sent.get(config.sendTimeout().toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            sent.cancel(true);
            throw new IllegalStateException("broker did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "outbox-sender");
                t.setDaemon(true);
                return t;
            });

    private static Message<String> message(OutboxEvent row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.complaintId)
                .withHeaders(row.envelope().toHeaders())
                .build();
        return Message.of(row.payload).addMetadata(metadata);
    }
}
