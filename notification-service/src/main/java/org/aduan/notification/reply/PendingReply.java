package org.aduan.notification.reply;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A STATUS enquiry about a complaint whose ComplaintSubmitted has not reached notification yet (the
 * topics are not ordered with each other). intake vouched for the complaint, so it is answered when
 * the complaint arrives, never with "not found".
 */
@Entity
@Table(name = "pending_reply")
public class PendingReply extends PanacheEntityBase {

    @Id
    @Column(name = "reply_id")
    public String replyId;

    @Column(name = "complaint_id")
    public String complaintId;

    /** The ChannelReplyRequested as JSON; its recipient stays sealed. */
    public String event;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether the enquiry is still waiting for its complaint. */
    public static boolean waiting(String replyId) {
        return findById(replyId) != null;
    }

    static List<PendingReply> forComplaint(String complaintId) {
        return list("complaintId = ?1 order by createdAt, replyId", complaintId);
    }
}
