package org.aduan.notification.channel;

import java.time.Duration;
import java.util.Optional;

/** What a provider made of one send. Error texts never contain the recipient (see {@link ErrorText}). */
public sealed interface SendResult {

    /** The HTTP status the provider answered, absent when no answer came (network error, timeout). */
    Optional<Integer> httpStatus();

    /** Accepted by the provider. */
    record Sent(Optional<Integer> httpStatus, Optional<String> providerMessageId) implements SendResult {
    }

    /**
     * Worth trying again later: network error, timeout, 429, 5xx.
     *
     * @param retryAfter how long the provider asked us to wait, if it said
     */
    record TransientFailure(Optional<Integer> httpStatus, String error, Optional<Duration> retryAfter)
            implements SendResult {
    }

    /** Will never succeed as it is: invalid recipient, refused request. */
    record PermanentFailure(Optional<Integer> httpStatus, String error) implements SendResult {
    }

    /** Cannot even be tried (e.g. no WhatsApp template configured outside the 24-hour window). */
    record Undeliverable(String reason) implements SendResult {
        @Override
        public Optional<Integer> httpStatus() {
            return Optional.empty();
        }
    }

    static SendResult sent(int status, String providerMessageId) {
        return new Sent(Optional.of(status), Optional.ofNullable(providerMessageId).filter(s -> !s.isBlank()));
    }

    /** The usual HTTP split: 408, 429 and 5xx are transient, any other 4xx is permanent. */
    static SendResult failure(int status, String error, Optional<Duration> retryAfter) {
        if (status == 408 || status == 429 || status >= 500) {
            return new TransientFailure(Optional.of(status), error, retryAfter);
        }
        return new PermanentFailure(Optional.of(status), error);
    }
}
