package org.aduan.events;

/**
 * A file the citizen sent with the complaint (a photo), as stored by intake-service with its
 * metadata (EXIF, GPS) stripped. The event carries only the reference, never the bytes.
 *
 * @param attachmentId stable id (UUID) under which intake serves the stored file
 * @param mediaType    sniffed from the content, e.g. {@code image/jpeg}, {@code image/png}
 * @param sizeBytes    size of the stored (stripped) file
 * @param sha256       hex SHA-256 of the stored file
 */
public record Attachment(String attachmentId, String mediaType, long sizeBytes, String sha256) {
}
