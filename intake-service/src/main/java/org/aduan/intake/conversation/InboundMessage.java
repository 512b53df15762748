package org.aduan.intake.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.aduan.events.Channel;
import org.aduan.events.GeoPoint;
import org.aduan.intake.attachment.PhotoSource;

/**
 * One message a citizen sent on an SMS or chat channel, as every adapter hands it over: the provider's
 * payload, authenticated and parsed, in one shape.
 *
 * @param channel        the door (SMS, WHATSAPP, TELEGRAM, X)
 * @param provider       {@code kannel}, {@code twilio}, {@code whatsapp}, {@code telegram}, {@code x}
 * @param senderAddress  the citizen's address on the channel: E.164 phone with {@code +} (SMS, WhatsApp),
 *                       Telegram chat id, X user id
 * @param senderName     the name the provider gives, if any
 * @param serviceAddress the number, phone-number id, bot or account the citizen wrote to
 * @param gateway        the provider's route (Kannel SMSC id; X: {@code dm} or {@code mention})
 * @param messageId      the provider's id of the message, as the reply needs it
 * @param deliveryKey    unique per message of this provider: a retried delivery has the same key
 * @param text           the text (or photo caption), possibly empty
 * @param languageHint   a language the provider tells (Telegram {@code language_code}), if any
 * @param photos         photos to take with the message, fetched only if the message is new
 * @param point          a location the citizen chose to share
 * @param receivedAt     when intake received it
 */
public record InboundMessage(Channel channel, String provider, String senderAddress, Optional<String> senderName,
        Optional<String> serviceAddress, Optional<String> gateway, String messageId, String deliveryKey, String text,
        Optional<String> languageHint, List<PhotoSource> photos, Optional<GeoPoint> point, Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(senderAddress);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(deliveryKey);
        Objects.requireNonNull(receivedAt);
        text = text == null ? "" : text;
        photos = List.copyOf(photos);
    }

    /** SMS and WhatsApp addresses are phone numbers: the reporter's phone too. */
    public boolean senderIsPhone() {
        return channel == Channel.SMS || channel == Channel.WHATSAPP;
    }

    public static Builder from(Channel channel, String provider, String senderAddress) {
        return new Builder(channel, provider, senderAddress);
    }

    /** Adapters fill in what their provider gives. */
    public static final class Builder {
        private final Channel channel;
        private final String provider;
        private final String sender;
        private Optional<String> name = Optional.empty();
        private Optional<String> service = Optional.empty();
        private Optional<String> gateway = Optional.empty();
        private String messageId;
        private String deliveryKey;
        private String text = "";
        private Optional<String> language = Optional.empty();
        private final List<PhotoSource> photos = new ArrayList<>();
        private Optional<GeoPoint> point = Optional.empty();

        private Builder(Channel channel, String provider, String sender) {
            this.channel = channel;
            this.provider = provider;
            this.sender = sender;
        }

        public Builder name(Optional<String> value) {
            name = value.map(String::strip).filter(s -> !s.isEmpty());
            return this;
        }

        public Builder to(Optional<String> value) {
            service = value.filter(s -> !s.isBlank());
            return this;
        }

        public Builder gateway(Optional<String> value) {
            gateway = value.filter(s -> !s.isBlank());
            return this;
        }

        /** The provider's message id, also the delivery key. */
        public Builder messageId(String id) {
            messageId = id;
            deliveryKey = deliveryKey == null ? id : deliveryKey;
            return this;
        }

        public Builder deliveryKey(String key) {
            deliveryKey = key;
            return this;
        }

        public Builder text(String value) {
            text = value == null ? "" : value;
            return this;
        }

        public Builder language(Optional<String> hint) {
            language = hint.filter(s -> !s.isBlank());
            return this;
        }

        public Builder photo(PhotoSource photo) {
            photos.add(photo);
            return this;
        }

        public Builder point(Optional<org.aduan.events.GeoPoint> value) {
            point = value;
            return this;
        }

        public InboundMessage receivedAt(Instant at) {
            return new InboundMessage(channel, provider, sender, name, service, gateway, messageId, deliveryKey, text,
                    language, photos, point, at);
        }
    }
}
