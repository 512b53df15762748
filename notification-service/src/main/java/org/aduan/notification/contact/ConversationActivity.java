package org.aduan.notification.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintSupplemented;

/**
 * Keeps, per complaint contact, when the citizen last wrote: WhatsApp lets a business send free text
 * only within 24 hours of the customer's last message, and a template after that.
 */
@ApplicationScoped
public class ConversationActivity {

    @Inject
    ComplaintLocks locks;

    /** The citizen added to their complaint: the conversation is fresh again. */
    public String onSupplemented(ComplaintSupplemented event) {
        locks.lock(event.complaintId());
        ComplaintContact contact = ComplaintContact.findById(event.complaintId());
        if (contact == null) {
            // both events are keyed by complaint id on one topic, so the complaint always comes first;
            // without it (its event went to the DLQ) there is nobody to answer
            return "supplement to an unknown complaint ignored";
        }
        contact.touch(event.supplementedAt());
        return "last inbound message of the complaint's conversation moved to " + contact.lastInboundAt;
    }
}
