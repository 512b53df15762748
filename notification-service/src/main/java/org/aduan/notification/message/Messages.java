package org.aduan.notification.message;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.events.identity.SealedIdentity;
import org.aduan.notification.channel.Route;

/**
 * Records messages to citizens. A message with a route waits as PENDING for the delivery worker; one
 * without (web, API) is ON_SCREEN. The dedup key makes recording idempotent.
 */
@ApplicationScoped
public class Messages {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Records the message; {@code false} when one with its dedup key exists. */
    public boolean record(NewMessage message) {
        Instant now = clock.instant();
        boolean sendable = message.route().isPresent();
        return em.createNativeQuery("""
                insert into outbound_message
                    (dedup_key, complaint_id, reply_id, kind, channel, language, recipient_key_id, recipient_sealed,
                     provider, service_address, gateway, inbound_at, body, status, attempts, next_attempt_at, created_at)
                values (:dedupKey, :complaintId, :replyId, :kind, :channel, :language, :keyId, :sealed,
                        :provider, :serviceAddress, :gateway, cast(:inboundAt as timestamptz), :body, :status, 0,
                        cast(:nextAttemptAt as timestamptz), :createdAt)
                on conflict (dedup_key) do nothing""")
                .setParameter("dedupKey", message.dedupKey())
                .setParameter("complaintId", message.complaintId().orElse(null))
                .setParameter("replyId", message.replyId().orElse(null))
                .setParameter("kind", message.kind().name())
                .setParameter("channel", message.channel().name())
                .setParameter("language", message.language())
                .setParameter("keyId", message.recipient().map(SealedIdentity::keyId).orElse(null))
                .setParameter("sealed", message.recipient().map(SealedIdentity::ciphertext).orElse(null))
                .setParameter("provider", message.route().map(Route::provider).orElse(null))
                .setParameter("serviceAddress", message.route().flatMap(Route::serviceAddress).orElse(null))
                .setParameter("gateway", message.route().flatMap(Route::gateway).orElse(null))
                .setParameter("inboundAt", message.inboundAt().orElse(null))
                .setParameter("body", message.body())
                .setParameter("status", (sendable ? MessageStatus.PENDING : MessageStatus.ON_SCREEN).name())
                .setParameter("nextAttemptAt", sendable ? now : null)
                .setParameter("createdAt", now)
                .executeUpdate() == 1;
    }
}
