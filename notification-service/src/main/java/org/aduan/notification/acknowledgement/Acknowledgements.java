package org.aduan.notification.acknowledgement;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ChannelOrigin;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.contact.ComplaintLocks;
import org.aduan.notification.contact.ContactMessages;
import org.aduan.notification.message.MessageKind;
import org.aduan.notification.reply.ChannelReplies;
import org.aduan.notification.statusupdate.StatusUpdates;
import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;

/**
 * Records, for each submitted complaint, the acknowledgement its reporter gets on the channel they
 * used, and keeps the contact that later status updates need. On SMS and chat there is no PIN: the
 * acknowledgement says how to ask for the status instead.
 */
@ApplicationScoped
public class Acknowledgements {

    @Inject
    ComplaintLocks locks;

    @Inject
    ContactMessages messages;

    @Inject
    MessageTemplates templates;

    @Inject
    StatusUpdates statusUpdates;

    @Inject
    ChannelReplies replies;

    @Inject
    Clock clock;

    public String acknowledge(ComplaintSubmitted event) {
        locks.lock(event.complaintId());
        ComplaintContact contact = ComplaintContact.findById(event.complaintId());
        if (contact == null) {
            contact = new ComplaintContact();
            contact.complaintId = event.complaintId();
            contact.trackingCode = event.trackingCode();
            contact.language = MessageTemplates.supported(event.language());
            contact.channel = event.channel();
            // kept sealed: only the delivery worker opens it, at the moment of sending
            contact.recipientKeyId = event.reporter().map(r -> r.keyId()).orElse(null);
            contact.recipientSealed = event.reporter().map(r -> r.ciphertext()).orElse(null);
            contact.provider = event.origin().map(ChannelOrigin::provider).orElse(null);
            contact.serviceAddress = event.origin().flatMap(ChannelOrigin::serviceAddress).orElse(null);
            contact.gateway = event.origin().flatMap(ChannelOrigin::gateway).orElse(null);
            contact.createdAt = clock.instant();
            contact.persist();
        }
        contact.touch(event.submittedAt());
        Template template = messages.route(contact).isPresent() ? Template.ACKNOWLEDGEMENT_CHANNEL
                : Template.ACKNOWLEDGEMENT;
        String body = templates.render(template, contact.language, Map.of("trackingCode", contact.trackingCode));
        boolean recorded = messages.record(contact, MessageKind.ACKNOWLEDGEMENT, "ack:" + contact.complaintId, body);
        int released = statusUpdates.releasePending(contact);
        int answered = replies.releasePending(contact);
        return (recorded ? "acknowledgement recorded" : "acknowledgement already recorded")
                + (released > 0 ? ", " + released + " pending status update(s) recorded" : "")
                + (answered > 0 ? ", " + answered + " pending STATUS enquiry(ies) answered" : "");
    }
}
