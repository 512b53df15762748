package org.aduan.notification.message;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.notification.contact.ComplaintContact;

/** Records messages to reporters; the (complaint, kind) key makes recording idempotent. */
@ApplicationScoped
public class Messages {

    @Inject
    EntityManager em;

    /** Records a PENDING message to the complaint's reporter; {@code false} when one of this kind exists. */
    public boolean record(ComplaintContact contact, MessageKind kind, String body) {
        return em.createNativeQuery("""
                insert into outbound_message
                    (complaint_id, kind, channel, language, recipient_key_id, recipient_sealed, body, status, created_at)
                values (:complaintId, :kind, :channel, :language, :keyId, :sealed, :body, :status, :createdAt)
                on conflict (complaint_id, kind) do nothing""")
                .setParameter("complaintId", contact.complaintId)
                .setParameter("kind", kind.name())
                .setParameter("channel", contact.channel.name())
                .setParameter("language", contact.language)
                .setParameter("keyId", contact.recipientKeyId)
                .setParameter("sealed", contact.recipientSealed)
                .setParameter("body", body)
                .setParameter("status", MessageStatus.PENDING.name())
                .setParameter("createdAt", Instant.now())
                .executeUpdate() == 1;
    }
}
