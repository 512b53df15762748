package org.aduan.notification.message;

/** Delivery state of a message. */
public enum MessageStatus {
    /** Waiting for its (next) attempt at {@code next_attempt_at}. */
    PENDING,
    /** The provider accepted it; its message id is kept. */
    SENT,
    /** The provider refused it for good, or every attempt failed. */
    FAILED,
    /** Never tried: its provider is not configured, or there is nobody to send it to. */
    UNDELIVERABLE,
    /** Web and API complaints: the citizen saw the answer in the HTTP response; nothing is sent. */
    ON_SCREEN
}
