package org.aduan.notification.message;

import java.time.Instant;

/** A recorded message as operators see it; the recipient stays sealed and is never shown. */
public record NotificationView(String kind, String channel, String language, String body, String status,
        Instant createdAt) {

    static NotificationView of(OutboundMessage message) {
        return new NotificationView(message.kind.name(), message.channel.name(), message.language, message.body,
                message.status.name(), message.createdAt);
    }
}
