package org.aduan.routing.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event ledger. Kafka delivers at least once; recording each CloudEvents id in the same
 * transaction as the change it caused makes a redelivery change nothing.
 */
@ApplicationScoped
public class EventLedger {

    private final EntityManager em;

    EventLedger(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event as processed by {@code consumer}.
     *
     * @return {@code true} the first time this event id is seen, {@code false} for a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId, String consumer) {
        return em.createNativeQuery("""
                        insert into processed_event (event_id, consumer, processed_at)
                        values (:eventId, :consumer, now())
                        on conflict (event_id) do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate() == 1;
    }
}
