package org.aduan.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.notification.channel.ChannelSender;
import org.aduan.notification.channel.ChannelSenders;
import org.aduan.notification.channel.Delivery;
import org.aduan.notification.channel.HttpConfig;
import org.aduan.notification.channel.SendResult;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.message.MessageStatus;
import org.aduan.notification.message.OutboundMessage;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due PENDING messages through their provider and records every attempt. Each message is taken
 * in its own transaction with {@code FOR UPDATE SKIP LOCKED}, so replicas never send the same message
 * at once; the row stays locked while its provider answers (bounded by the HTTP timeouts).
 * <p>
 * Runs on its own thread: woken after every event that recorded a message, at the due time of the
 * next retry, and by the scheduler as a safety net.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    EntityManager em;

    @Inject
    ChannelSenders senders;

    @Inject
    Recipients recipients;

    @Inject
    DeliveryConfig config;

    @Inject
    HttpConfig http;

    @Inject
    Clock clock;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "delivery-worker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicReference<Instant> timedWake = new AtomicReference<>();

    /**
     * Asks for a pass soon, on the worker's thread, and returns at once; wake-ups that arrive while a
     * pass is queued are folded into it.
     */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException e) {
                // shutting down: what was recorded is sent after the restart
                wakePending.set(false);
            }
        }
    }

    @Scheduled(every = "${aduan.notification.delivery.poll-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /** Sends everything due now, then arranges to wake for the next retry. Runs on the worker's thread. */
    void deliverDue() {
        try {
            while (deliverNext()) {
                // one message per transaction, until none is due
            }
            nextDue().ifPresent(this::wakeAt);
        } catch (RuntimeException e) {
            // the message stays PENDING; the next pass tries again
            LOG.warnf("delivery pass failed, will retry: %s", e.toString());
        }
    }

    private boolean deliverNext() {
        int timeout = (int) http.connectTimeout().plus(http.requestTimeout()).toSeconds() + 30;
        return QuarkusTransaction.requiringNew().timeout(timeout).call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboundMessage> due = em.createNativeQuery("""
                    select * from outbound_message
                    where status = 'PENDING' and next_attempt_at <= :now
                    order by next_attempt_at, id limit 1 for update skip locked""", OutboundMessage.class)
                    .setParameter("now", clock.instant())
                    .getResultList();
            if (due.isEmpty()) {
                return false;
            }
            OutboundMessage message = due.get(0);
            if (message.complaintId != null) {
                MDC.put("complaintId", message.complaintId);
            }
            try {
                deliver(message);
            } finally {
                MDC.remove("complaintId");
            }
            return true;
        });
    }

    private void deliver(OutboundMessage message) {
        Optional<ChannelSender> sender = senders.forProvider(message.provider);
        if (sender.isEmpty()) {
            undeliverable(message, "unknown-provider");
            return;
        }
        if (!sender.get().configured()) {
            undeliverable(message, "channel-not-configured");
            return;
        }
        String address;
        try {
            address = recipients.open(message);
        } catch (Recipients.NoRecipient e) {
            undeliverable(message, e.reason);
            return;
        }
        Delivery delivery = new Delivery(address, Optional.ofNullable(message.serviceAddress),
                Optional.ofNullable(message.gateway), message.body, message.language, lastInbound(message));
        SendResult result;
        try {
            result = sender.get().send(delivery);
        } catch (RuntimeException e) {
            // a bug must not wedge the queue: counted as an attempt, retried, and in the end FAILED;
            // only the exception's class is kept, its message might echo the address
            LOG.warnf("message %d via %s: sender failed with %s", message.id, message.provider, e.getClass().getName());
            result = new SendResult.TransientFailure(Optional.empty(), "internal error: " + e.getClass().getSimpleName(),
                    Optional.empty());
        }
        record(message, result);
    }

    /** The citizen's last message on this conversation: the one a reply answers, or their complaint's latest. */
    private Optional<Instant> lastInbound(OutboundMessage message) {
        Optional<Instant> ofComplaint = Optional.ofNullable(message.complaintId)
                .map(id -> ComplaintContact.<ComplaintContact>findById(id))
                .map(contact -> contact.lastInboundAt);
        Optional<Instant> ofReply = Optional.ofNullable(message.inboundAt);
        if (ofComplaint.isPresent() && ofReply.isPresent()) {
            return Optional.of(ofComplaint.get().isAfter(ofReply.get()) ? ofComplaint.get() : ofReply.get());
        }
        return ofComplaint.or(() -> ofReply);
    }

    private void record(OutboundMessage message, SendResult result) {
        if (result instanceof SendResult.Undeliverable undeliverable) {
            undeliverable(message, undeliverable.reason());
            return;
        }
        Instant now = clock.instant();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.messageId = message.id;
        attempt.attempt = message.attempts + 1;
        attempt.attemptedAt = now;
        attempt.httpStatus = result.httpStatus().orElse(null);
        message.attempts = attempt.attempt;
        if (result instanceof SendResult.Sent sent) {
            attempt.outcome = DeliveryAttempt.Outcome.SENT;
            attempt.providerMessageId = sent.providerMessageId().orElse(null);
            message.status = MessageStatus.SENT;
            message.sentAt = now;
            message.providerMessageId = attempt.providerMessageId;
            message.nextAttemptAt = null;
        } else if (result instanceof SendResult.TransientFailure failure) {
            attempt.outcome = DeliveryAttempt.Outcome.TRANSIENT_FAILURE;
            attempt.error = failure.error();
            if (attempt.attempt >= config.maxAttempts()) {
                message.status = MessageStatus.FAILED;
                message.reason = "retries-exhausted";
                message.nextAttemptAt = null;
            } else {
                message.nextAttemptAt = now.plus(backoff().after(attempt.attempt, failure.retryAfter()));
            }
        } else if (result instanceof SendResult.PermanentFailure failure) {
            attempt.outcome = DeliveryAttempt.Outcome.PERMANENT_FAILURE;
            attempt.error = failure.error();
            message.status = MessageStatus.FAILED;
            message.reason = "refused-by-provider";
            message.nextAttemptAt = null;
        }
        attempt.persist();
        LOG.infof("message %d (%s) via %s, attempt %d: %s%s", message.id, message.kind, message.provider,
                attempt.attempt, attempt.outcome,
                message.status == MessageStatus.PENDING ? ", next attempt at " + message.nextAttemptAt
                        : ", now " + message.status);
    }

    private void undeliverable(OutboundMessage message, String reason) {
        message.status = MessageStatus.UNDELIVERABLE;
        message.reason = reason;
        message.nextAttemptAt = null;
        LOG.infof("message %d (%s) via %s undeliverable: %s", message.id, message.kind, message.provider, reason);
    }

    private Backoff backoff() {
        return new Backoff(config.initialBackoff(), config.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    private Optional<Instant> nextDue() {
        // JPQL, not a native query with a scalar result class: Hibernate caches that kind under a key
        // that never matches again, so every pass added an entry and lookups grew slower and slower
        // (the benchmark's profile: notification spent most of its CPU comparing cache keys).
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.createQuery(
                "select min(m.nextAttemptAt) from OutboundMessage m where m.status = :status", Instant.class)
                .setParameter("status", MessageStatus.PENDING)
                .getSingleResult()));
    }

    /**
     * Wakes at the next retry's due time when that comes before the scheduler's next pass (short
     * backoffs); a later one is left to the scheduler.
     */
    private void wakeAt(Instant due) {
        // a message due now but not taken is locked by another replica: look again shortly, not at once
        Duration delay = Duration.between(clock.instant(), due);
        if (delay.compareTo(Duration.ofMillis(200)) < 0) {
            delay = Duration.ofMillis(200);
            due = clock.instant().plus(delay);
        }
        if (delay.compareTo(Duration.ofMinutes(1)) > 0) {
            return; // the scheduler's periodic pass will find it
        }
        Instant previous = timedWake.get();
        Instant now = clock.instant();
        if (previous != null && previous.isAfter(now) && !previous.isAfter(due)) {
            return; // a wake-up at or before this one is already arranged
        }
        timedWake.set(due);
        try {
            thread.schedule(this::wake, delay.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }
}
