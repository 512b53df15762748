package org.aduan.followup.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows in insertion order through the {@code outbox} channel and marks them
 * published only after the broker acknowledged them ({@code acks=all}). A crash between the ack and
 * the mark republishes a row with the same event id, which consumers' ledgers recognise.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel("outbox")
    Emitter<String> emitter;

    @Inject
    EntityManager em;

    /**
     * One relay at a time in this process, so rows leave in insertion order; SKIP LOCKED keeps other
     * replicas from publishing the same rows meanwhile.
     */
    private final ReentrantLock inProcess = new ReentrantLock();

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

    /** Publishes everything unpublished now. */
    public void flush() {
        inProcess.lock();
        try {
            while (publishBatch() == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            // the rows stay unpublished; the scheduled safety net tries again
            LOG.warnf("outbox publication failed, will retry: %s", e.toString());
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * Safety net for rows whose flush failed (broker down) or was cut short (crash). Skipped until the
     * application runs, because the {@code outbox} channel is wired only during startup.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishLeftovers() {
        flush();
    }

    private int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> rows = em.createNativeQuery("""
                    select * from outbox_event where published_at is null
                    order by id limit :batch for update skip locked""", OutboxEvent.class)
                    .setParameter("batch", BATCH)
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                acks.add(send(row));
            }
            awaitAll(acks);
            Instant now = Instant.now();
            rows.forEach(row -> row.publishedAt = now);
            return rows.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(row.envelope().toHeaders())
                .build();
        emitter.send(Message.of(row.payload, Metadata.of(kafka),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }

    private static void awaitAll(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker refused an outbox event", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge the outbox events in " + ACK_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        }
    }
}
