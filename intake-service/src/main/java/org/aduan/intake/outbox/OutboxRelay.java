package org.aduan.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Publishes outbox rows to Kafka and marks them published once the broker has acknowledged them
 * ({@code acks=all}, idempotent producer). The request path publishes its own row at once; the
 * scheduled sweep catches whatever a crash or a broker outage left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Rows younger than this belong to a request that is still publishing them itself (its publish
     * timeout is shorter), so the sweep leaves them alone.
     */
    private static final Duration SWEEP_GRACE = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "outbox-sweep-sender");
                t.setDaemon(true);
                return t;
            });

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
    MutinyEmitter<String> emitter;

    @Inject
    EntityManager em;

    /** Sends one row and waits for the broker's ack; throws if it does not come within {@code timeout}. */
    public void publish(OutboxEvent row, Duration timeout) {
        send(row, timeout);
        // SKIP LOCKED: if the sweep holds the row it is publishing it too and will mark it; never wait
        // behind it on the request path.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE outbox_event SET published_at = now() WHERE id IN (SELECT id FROM outbox_event "
                        + "WHERE id = :id AND published_at IS NULL FOR UPDATE SKIP LOCKED)")
                .setParameter("id", row.id).executeUpdate());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("outbox sweep failed, will retry: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private int publishBatch() {
        List<OutboxEvent> rows = em.createNativeQuery(
                "SELECT * FROM outbox_event WHERE published_at IS NULL AND occurred_at < :cutoff "
                        + "ORDER BY seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .setParameter("cutoff", Instant.now().minus(SWEEP_GRACE))
                .getResultList();
        // The whole batch in flight at once, then the acks: one round trip per batch, in order.
        // The sends run on a thread that carries no transaction: created inside this one, their callbacks
        // would carry it onto Kafka's threads and Narayana would refuse the commit, leaving the rows locked.
        if (!rows.isEmpty()) {
            List<Message<String>> messages = rows.stream().map(OutboxRelay::message).toList();
            java.util.concurrent.Future<?> sent = sender.submit(() -> {
                List<io.smallrye.mutiny.Uni<Void>> acks = messages.stream().map(emitter::sendMessage).toList();
                io.smallrye.mutiny.Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(10));
            });
            try {
                sent.get(11, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                sent.cancel(true);
                throw new IllegalStateException("broker did not acknowledge the sweep's batch", e);
            }
        }
        Instant now = Instant.now();
        for (OutboxEvent row : rows) {
            row.publishedAt = now;
            LOG.infof("complaintId=%s published %s from the outbox sweep", row.eventKey, row.eventType);
        }
        return rows.size();
    }

    private void send(OutboxEvent row, Duration timeout) {
        emitter.sendMessage(message(row)).await().atMost(timeout);
    }

    private static Message<String> message(OutboxEvent row) {
        return Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(row.envelope().toHeaders())
                .build());
    }
}
