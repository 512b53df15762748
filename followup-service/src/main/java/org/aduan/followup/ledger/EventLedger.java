package org.aduan.followup.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The processed-event ledger. Inserting an event id in the same transaction as the change it causes
 * makes at-least-once delivery safe: a redelivered event finds its id here and changes nothing.
 */
@ApplicationScoped
public class EventLedger {

    @Inject
    EntityManager em;

    /** Records the event for this consumer; {@code false} when it had already been processed. */
    public boolean firstTime(String eventId, String consumer) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, consumer) values (:eventId, :consumer)
                on conflict do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate() == 1;
    }
}
