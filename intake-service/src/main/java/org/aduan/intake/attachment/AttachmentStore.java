package org.aduan.intake.attachment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.Attachment;

import jakarta.enterprise.context.ApplicationScoped;

/** Keeps stripped photos in intake's database, in the transaction of the complaint they belong to. */
@ApplicationScoped
public class AttachmentStore {

    /** Stores {@code image} for {@code complaintId}; must run inside the complaint's transaction. */
    public Attachment store(UUID complaintId, SanitizedImage image, Instant at) {
        AttachmentEntity row = new AttachmentEntity();
        row.id = UUID.randomUUID();
        row.complaintId = complaintId;
        row.mediaType = image.mediaType();
        row.sizeBytes = image.bytes().length;
        row.sha256 = image.sha256();
        row.width = image.width();
        row.height = image.height();
        row.content = image.bytes();
        row.createdAt = at;
        row.persist();
        return new Attachment(row.id.toString(), row.mediaType, row.sizeBytes, row.sha256);
    }

    /** A stored photo with its bytes. */
    public record StoredPhoto(UUID id, String mediaType, byte[] content, String sha256) {
    }

    /** The photos of a complaint (without their bytes); inside a transaction. */
    @SuppressWarnings("unchecked")
    public List<Attachment> of(UUID complaintId) {
        List<Object[]> rows = AttachmentEntity.getEntityManager().createNativeQuery(
                "SELECT CAST(id AS text), media_type, size_bytes, sha256 FROM attachment WHERE complaint_id = :c "
                        + "ORDER BY created_at, id")
                .setParameter("c", complaintId).getResultList();
        return rows.stream().map(r -> new Attachment((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                (String) r[3])).toList();
    }

    Optional<StoredPhoto> find(UUID id) {
        return AttachmentEntity.<AttachmentEntity>findByIdOptional(id)
                .map(a -> new StoredPhoto(a.id, a.mediaType, a.content, a.sha256));
    }
}
