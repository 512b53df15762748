package org.aduan.notification.channel;

import java.time.Instant;
import java.util.Optional;

/**
 * One message to send, as a sender needs it. The recipient address has just been opened from its
 * sealed identity and lives only as long as this call.
 *
 * @param recipient      the citizen's address on the channel: E.164 phone number (SMS, WhatsApp),
 *                       Telegram chat id, X user id
 * @param serviceAddress Aduan's side: the number, phone-number id or account the citizen wrote to
 * @param gateway        the provider's route (Kannel SMSC id), if any
 * @param text           the rendered text
 * @param language       {@code id} or {@code en}
 * @param lastInboundAt  when the citizen last wrote to Aduan on this conversation, if known (WhatsApp's
 *                       24-hour customer service window)
 */
public record Delivery(String recipient, Optional<String> serviceAddress, Optional<String> gateway, String text,
        String language, Optional<Instant> lastInboundAt) {

    /** Without the recipient: what may appear in logs and exceptions. */
    @Override
    public String toString() {
        return "Delivery[serviceAddress=" + serviceAddress + ", gateway=" + gateway + ", language=" + language + "]";
    }
}
