package org.aduan.notification.message;

import java.time.Instant;
import java.util.List;

import org.aduan.notification.delivery.DeliveryAttempt;

/**
 * A message as operators see it: what was said, on which provider, and how delivery went. The
 * recipient stays sealed and is never shown.
 *
 * @param kind              ACKNOWLEDGEMENT, STATUS_UPDATE or REPLY_*
 * @param channel           the channel the citizen used
 * @param provider          {@code kannel}, {@code twilio}, {@code whatsapp}, {@code telegram}, {@code x};
 *                          absent when the message is shown on screen only
 * @param status            PENDING, SENT, FAILED, UNDELIVERABLE or ON_SCREEN
 * @param reason            why FAILED or UNDELIVERABLE, e.g. {@code channel-not-configured}
 * @param providerMessageId the provider's id of the sent message, when it gives one
 * @param nextAttemptAt     when a PENDING message is tried next
 * @param attempts          every delivery attempt, first first
 */
public record NotificationView(Long id, String complaintId, String replyId, String kind, String channel,
        String provider, String language, String body, String status, String reason, String providerMessageId,
        Instant createdAt, Instant nextAttemptAt, Instant sentAt, List<AttemptView> attempts) {

    /**
     * One delivery attempt.
     *
     * @param outcome    SENT, TRANSIENT_FAILURE or PERMANENT_FAILURE
     * @param httpStatus the provider's HTTP status; absent when no answer came
     * @param error      what went wrong, without personal data
     */
    public record AttemptView(int attempt, Instant at, String outcome, Integer httpStatus, String providerMessageId,
            String error) {
    }

    static NotificationView of(OutboundMessage message) {
        List<AttemptView> attempts = DeliveryAttempt.forMessage(message.id).stream()
                .map(a -> new AttemptView(a.attempt, a.attemptedAt, a.outcome.name(), a.httpStatus,
                        a.providerMessageId, a.error))
                .toList();
        return new NotificationView(message.id, message.complaintId, message.replyId, message.kind.name(),
                message.channel.name(), message.provider, message.language, message.body, message.status.name(),
                message.reason, message.providerMessageId, message.createdAt, message.nextAttemptAt, message.sentAt,
                attempts);
    }
}
