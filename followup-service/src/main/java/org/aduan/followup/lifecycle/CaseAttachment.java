package org.aduan.followup.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A photo the citizen sent with the complaint or a later message, as intake-service stored it (its
 * metadata stripped). followup keeps the reference; the bytes stay with intake, which serves them.
 */
@Entity
@Table(name = "case_attachment")
public class CaseAttachment extends PanacheEntityBase {

    @Id
    @Column(name = "attachment_id")
    public String attachmentId;

    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** The event that brought it (the complaint's or a later message's). */
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static List<CaseAttachment> of(String complaintId) {
        return list("complaintId = ?1 order by receivedAt, attachmentId", complaintId);
    }
}
