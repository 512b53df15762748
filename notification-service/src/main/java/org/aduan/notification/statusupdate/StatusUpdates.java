package org.aduan.notification.statusupdate;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintStatusChanged;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.contact.ComplaintLocks;
import org.aduan.notification.contact.PendingStatusUpdate;
import org.aduan.notification.message.MessageKind;
import org.aduan.notification.message.Messages;
import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;

/**
 * Tells the reporter when their complaint moved on. For now only ROUTED is told ("forwarded to the
 * agency"); other statuses are not news for the reporter yet.
 */
@ApplicationScoped
public class StatusUpdates {

    static final String ROUTED = "ROUTED";

    @Inject
    ComplaintLocks locks;

    @Inject
    Messages messages;

    @Inject
    MessageTemplates templates;

    public String onStatusChanged(ComplaintStatusChanged event) {
        if (!ROUTED.equals(event.status())) {
            return "status " + event.status() + " is not told to the reporter";
        }
        locks.lock(event.complaintId());
        ComplaintContact contact = ComplaintContact.findById(event.complaintId());
        if (contact == null) {
            if (!PendingStatusUpdate.exists(event.complaintId(), event.status())) {
                PendingStatusUpdate pending = new PendingStatusUpdate();
                pending.complaintId = event.complaintId();
                pending.status = event.status();
                pending.agencyId = event.agencyId().orElseThrow();
                pending.changedAt = event.changedAt();
                pending.persist();
            }
            return "status update kept until the complaint arrives";
        }
        return tellRouted(contact, event.agencyId().orElseThrow()) ? "status update recorded"
                : "status update already recorded";
    }

    /** Turns the status changes that came before the complaint into messages; the caller holds the lock. */
    public int releasePending(ComplaintContact contact) {
        List<PendingStatusUpdate> pending = PendingStatusUpdate.forComplaint(contact.complaintId);
        for (PendingStatusUpdate update : pending) {
            tellRouted(contact, update.agencyId);
            update.delete();
        }
        return pending.size();
    }

    private boolean tellRouted(ComplaintContact contact, String agencyId) {
        String body = templates.render(Template.STATUS_ROUTED, contact.language,
                Map.of("trackingCode", contact.trackingCode, "agencyId", agencyId));
        return messages.record(contact, MessageKind.STATUS_UPDATE, body);
    }
}
