package org.aduan.notification.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Serialises the handling of one complaint's events. The submitted and lifecycle consumers run on
 * different threads; without this, a status change could be parked as pending while the contact is
 * being created, each transaction missing the other's row, and the update would never be sent.
 */
@ApplicationScoped
public class ComplaintLocks {

    @Inject
    EntityManager em;

    /** Holds a lock on the complaint until the current transaction ends. */
    public void lock(String complaintId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:id, 0))) locked")
                .setParameter("id", complaintId)
                .getSingleResult();
    }
}
