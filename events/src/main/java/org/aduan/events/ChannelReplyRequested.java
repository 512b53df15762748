package org.aduan.events;

import java.time.Instant;
import java.util.Optional;

import org.aduan.events.identity.SealedIdentity;

/**
 * intake-service asks notification-service to answer a message on the channel it came in on, when
 * the answer is not a complaint event of its own: usage help, a status enquiry, "added to your
 * complaint", a rate limit or an unreadable message. Published on {@value Topics#CHANNEL_REPLIES}.
 * notification-service renders the text (id/en), sends it through the provider and records every
 * delivery attempt.
 *
 * @param replyId      stable id (UUID), the Kafka key; a redelivered request is answered once
 * @param requestedAt  when the inbound message was handled
 * @param channel      the channel to answer on
 * @param language     {@code id} or {@code en}
 * @param kind         what to answer
 * @param recipient    the sender's address on that channel, sealed ({@code Reporter.channelAddress})
 * @param origin       provider, the address the citizen wrote to, and the inbound message id
 * @param trackingCode the complaint the answer is about (STATUS, SUPPLEMENTED), if any
 * @param complaintId  its id, if any
 * @param reason       for {@link Kind#REJECTED}: a stable code ({@code too-large}, {@code unsupported-media},
 *                     {@code empty}, {@code too-long}) the template explains
 */
public record ChannelReplyRequested(
        String replyId,
        Instant requestedAt,
        Channel channel,
        String language,
        Kind kind,
        SealedIdentity recipient,
        Optional<ChannelOrigin> origin,
        Optional<String> trackingCode,
        Optional<String> complaintId,
        Optional<String> reason) implements AduanEvent {

    public static final String TYPE = "aduan.channel.reply-requested.v1";

    /** What the reply says. */
    public enum Kind {
        /** How to use the channel (INFO, BANTUAN, HELP, or an empty first message). */
        HELP,
        /** The current status of {@code trackingCode} (STATUS / CEK). */
        STATUS,
        /** The code is unknown, or not this sender's: the same answer for both. */
        NOT_FOUND,
        /** The message was added to the open complaint {@code trackingCode}. */
        SUPPLEMENTED,
        /** Too many messages from this sender: try again later. */
        RATE_LIMITED,
        /** The message cannot be taken ({@code reason}). */
        REJECTED
    }

    public ChannelReplyRequested {
        origin = origin == null ? Optional.empty() : origin;
        trackingCode = trackingCode == null ? Optional.empty() : trackingCode;
        complaintId = complaintId == null ? Optional.empty() : complaintId;
        reason = reason == null ? Optional.empty() : reason;
    }

    @Override
    public String key() {
        return replyId;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
