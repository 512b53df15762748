package org.aduan.notification.acknowledgement;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintSubmitted;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.contact.ComplaintLocks;
import org.aduan.notification.message.MessageKind;
import org.aduan.notification.message.Messages;
import org.aduan.notification.statusupdate.StatusUpdates;
import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;

/**
 * Records, for each submitted complaint, the acknowledgement its reporter gets on the channel they
 * used, and keeps the contact that later status updates need.
 */
@ApplicationScoped
public class Acknowledgements {

    @Inject
    ComplaintLocks locks;

    @Inject
    Messages messages;

    @Inject
    MessageTemplates templates;

    @Inject
    StatusUpdates statusUpdates;

    public String acknowledge(ComplaintSubmitted event) {
        locks.lock(event.complaintId());
        ComplaintContact contact = ComplaintContact.findById(event.complaintId());
        if (contact == null) {
            contact = new ComplaintContact();
            contact.complaintId = event.complaintId();
            contact.trackingCode = event.trackingCode();
            contact.language = MessageTemplates.supported(event.language());
            contact.channel = event.channel();
            // kept sealed: only a channel sender opens it, at the moment of sending
            contact.recipientKeyId = event.reporter().map(r -> r.keyId()).orElse(null);
            contact.recipientSealed = event.reporter().map(r -> r.ciphertext()).orElse(null);
            contact.createdAt = Instant.now();
            contact.persist();
        }
        String body = templates.render(Template.ACKNOWLEDGEMENT, contact.language,
                Map.of("trackingCode", contact.trackingCode));
        boolean recorded = messages.record(contact, MessageKind.ACKNOWLEDGEMENT, body);
        int released = statusUpdates.releasePending(contact);
        return (recorded ? "acknowledgement recorded" : "acknowledgement already recorded")
                + (released > 0 ? ", " + released + " pending status update(s) recorded" : "");
    }
}
