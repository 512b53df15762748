package org.aduan.intake.attachment;

/** A photo ready to store: sniffed type, metadata stripped, decoded size, SHA-256 of the stored bytes. */
public record SanitizedImage(String mediaType, byte[] bytes, int width, int height, String sha256) {
}
