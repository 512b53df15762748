package org.aduan.intake.attachment;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored photo (metadata already stripped). */
@Entity
@Table(name = "attachment")
class AttachmentEntity extends PanacheEntityBase {

    @Id
    UUID id;
    @Column(name = "complaint_id")
    UUID complaintId;
    @Column(name = "media_type")
    String mediaType;
    @Column(name = "size_bytes")
    long sizeBytes;
    String sha256;
    int width;
    int height;
    @Basic(fetch = FetchType.LAZY)
    byte[] content;
    @Column(name = "created_at")
    Instant createdAt;
}
