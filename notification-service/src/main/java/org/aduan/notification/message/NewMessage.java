package org.aduan.notification.message;

import java.time.Instant;
import java.util.Optional;

import org.aduan.events.Channel;
import org.aduan.events.identity.SealedIdentity;
import org.aduan.notification.channel.Route;

/**
 * A message about to be recorded.
 *
 * @param dedupKey    unique per message: a redelivered event that would record it again records nothing
 * @param route       how it leaves; absent: on screen only (web, API)
 * @param inboundAt   for a reply, when the message it answers came in
 */
public record NewMessage(String dedupKey, Optional<String> complaintId, Optional<String> replyId, MessageKind kind,
        Channel channel, String language, Optional<SealedIdentity> recipient, Optional<Route> route, String body,
        Optional<Instant> inboundAt) {
}
