package org.aduan.notification.message;

import org.aduan.events.ChannelReplyRequested;

/** Why a message is sent. */
public enum MessageKind {
    /** The complaint was received; carries the tracking code. At most one per complaint. */
    ACKNOWLEDGEMENT,
    /** The complaint moved on (forwarded, in progress, answered, closed, rejected). One per status change. */
    STATUS_UPDATE,
    /** Answers to what the citizen sent on an SMS or chat channel ({@code ChannelReplyRequested}). One per request. */
    REPLY_HELP,
    REPLY_STATUS,
    REPLY_NOT_FOUND,
    REPLY_SUPPLEMENTED,
    REPLY_RATE_LIMITED,
    REPLY_REJECTED;

    public static MessageKind reply(ChannelReplyRequested.Kind kind) {
        return valueOf("REPLY_" + kind.name());
    }
}
