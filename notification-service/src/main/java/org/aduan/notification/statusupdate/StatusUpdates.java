package org.aduan.notification.statusupdate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.events.AgencyName;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.contact.ComplaintLocks;
import org.aduan.notification.contact.ContactMessages;
import org.aduan.notification.contact.PendingStatusUpdate;
import org.aduan.notification.message.MessageKind;

/**
 * Follows each complaint's status (for STATUS enquiries) and tells the reporter, on their channel,
 * when it moved on in a way that matters to them: forwarded, in progress, answered, closed, rejected.
 */
@ApplicationScoped
public class StatusUpdates {

    static final String ROUTED = "ROUTED";

    @Inject
    ComplaintLocks locks;

    @Inject
    ContactMessages messages;

    @Inject
    StatusTexts texts;

    @Inject
    EntityManager em;

    public String onStatusChanged(ComplaintStatusChanged event) {
        locks.lock(event.complaintId());
        advance(event.complaintId(), event.status(), event.agencyId(), event.agencyName(), event.changedAt());
        if (!StatusTexts.TOLD.contains(event.status())) {
            return "status " + event.status() + " is not told to the reporter";
        }
        ComplaintContact contact = ComplaintContact.findById(event.complaintId());
        if (contact == null) {
            if (!PendingStatusUpdate.exists(event.complaintId(), event.status(), event.changedAt())) {
                PendingStatusUpdate pending = new PendingStatusUpdate();
                pending.complaintId = event.complaintId();
                pending.status = event.status();
                pending.agencyId = event.agencyId().orElse(null);
                pending.agencyName = StoredAgencyName.of(event.agencyName());
                pending.changedAt = event.changedAt().truncatedTo(ChronoUnit.MICROS);
                pending.persist();
            }
            return "status update kept until the complaint arrives";
        }
        return tell(contact, event.status(), event.agencyId().orElse(null), event.agencyName(), event.changedAt())
                ? "status update " + event.status() + " recorded"
                : "status update already recorded";
    }

    /** The complaint's latest known status, if any status change has come in. */
    public Optional<ComplaintState> latest(String complaintId) {
        return Optional.ofNullable(ComplaintState.findById(complaintId));
    }

    /** Turns the status changes that came before the complaint into messages; the caller holds the lock. */
    public int releasePending(ComplaintContact contact) {
        List<PendingStatusUpdate> pending = PendingStatusUpdate.forComplaint(contact.complaintId);
        for (PendingStatusUpdate update : pending) {
            tell(contact, update.status, update.agencyId, update.agencyName(), update.changedAt);
            update.delete();
        }
        return pending.size();
    }

    /** Moves the known status forward; an older event arriving late changes nothing. */
    private void advance(String complaintId, String status, Optional<String> agencyId, Optional<AgencyName> name,
            Instant changedAt) {
        // the name goes with the agency: a change that names another agency without a name drops the old one
        em.createNativeQuery("""
                insert into complaint_state (complaint_id, status, agency_id, agency_name_id, agency_name_en, changed_at)
                values (:complaintId, :status, :agencyId, :nameId, :nameEn, :changedAt)
                on conflict (complaint_id) do update
                    set status = excluded.status,
                        agency_id = coalesce(excluded.agency_id, complaint_state.agency_id),
                        agency_name_id = case when excluded.agency_id is null then complaint_state.agency_name_id
                                              else excluded.agency_name_id end,
                        agency_name_en = case when excluded.agency_id is null then complaint_state.agency_name_en
                                              else excluded.agency_name_en end,
                        changed_at = excluded.changed_at
                    where complaint_state.changed_at <= excluded.changed_at""")
                .setParameter("complaintId", complaintId)
                .setParameter("status", status)
                .setParameter("agencyId", agencyId.orElse(null))
                .setParameter("nameId", name.map(AgencyName::id).orElse(null))
                .setParameter("nameEn", name.map(AgencyName::en).orElse(null))
                .setParameter("changedAt", changedAt)
                .executeUpdate();
    }

    private boolean tell(ComplaintContact contact, String status, String agencyId, Optional<AgencyName> agencyName,
            Instant changedAt) {
        String body = texts.render(status, agencyId, agencyName, contact.trackingCode, contact.language);
        // one message per status change: a transfer routes a complaint twice, and both are told
        String dedupKey = "status:" + contact.complaintId + ":" + status + ":" + changedAt.truncatedTo(ChronoUnit.MICROS);
        return messages.record(contact, MessageKind.STATUS_UPDATE, dedupKey, body);
    }
}
