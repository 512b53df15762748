package org.aduan.followup.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aduan.events.Channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A later message from the citizen on the complaint's conversation (SMS, chat). Added to the case as
 * information from the citizen; one that arrives before its complaint waits here until the case opens.
 */
@Entity
@Table(name = "case_supplement")
public class CaseSupplement extends PanacheEntityBase {

    /** The event's CloudEvents id. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "complaint_id")
    public String complaintId;

    /** The provider's id of the message, if it has one. */
    @Column(name = "message_id")
    public String messageId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String text;
    public Double latitude;
    public Double longitude;

    /** When intake accepted the message. */
    @Column(name = "supplemented_at")
    public Instant supplementedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** When it was added to the case (or found too late for it); null while its complaint is not known yet. */
    @Column(name = "handled_at")
    public Instant handledAt;

    /** What became of it, when it could not be added to the history. */
    public String outcome;

    public static List<CaseSupplement> pending(String complaintId) {
        return list("complaintId = ?1 and handledAt is null order by supplementedAt, eventId", complaintId);
    }

    public static boolean messageKnown(String complaintId, String messageId) {
        return count("complaintId = ?1 and messageId = ?2", complaintId, messageId) > 0;
    }
}
