package org.aduan.notification.channel;

/**
 * One provider's way of sending a text to a citizen (Kannel, Twilio, WhatsApp, Telegram, X). Each
 * lives in its own package beside its siblings: adding a provider never touches another.
 */
public interface ChannelSender {

    /** The provider name as it appears in {@code ChannelOrigin.provider}, e.g. {@code kannel}. */
    String provider();

    /** Whether base URL and credentials are configured; an unconfigured provider is never called. */
    boolean configured();

    /**
     * Sends one message. Never throws for a provider's or the network's failure: those are results.
     * The recipient address in {@code delivery} must never be logged or kept.
     */
    SendResult send(Delivery delivery);
}
