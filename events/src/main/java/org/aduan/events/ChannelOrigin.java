package org.aduan.events;

import java.util.Optional;

/**
 * How a message reached Aduan on a chat or SMS channel, so that the reply goes back the same way.
 * Holds only Aduan's side of the conversation (never the citizen's address, which travels sealed).
 *
 * @param provider       {@code kannel}, {@code twilio}, {@code whatsapp}, {@code telegram}, {@code x},
 *                       {@code web}
 * @param serviceAddress the number, short code, phone-number id, bot or account the citizen wrote to
 * @param gateway        the provider's route, e.g. Kannel's SMSC id, if any
 * @param messageId      the provider's id of the inbound message (the key that makes retries harmless)
 */
public record ChannelOrigin(String provider, Optional<String> serviceAddress, Optional<String> gateway,
        Optional<String> messageId) {
    public ChannelOrigin {
        serviceAddress = serviceAddress == null ? Optional.empty() : serviceAddress;
        gateway = gateway == null ? Optional.empty() : gateway;
        messageId = messageId == null ? Optional.empty() : messageId;
    }
}
