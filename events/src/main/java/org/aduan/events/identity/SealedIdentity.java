package org.aduan.events.identity;

/**
 * A {@link Reporter} encrypted with AES-256-GCM. Only services holding the key (intake, followup,
 * notification) can open it; stats-service and agencies of anonymous complaints never can.
 *
 * @param keyId      which key sealed it, so keys can be rotated (and, per reporter, shredded)
 * @param ciphertext base64 of 12-byte IV followed by the GCM ciphertext and tag
 */
public record SealedIdentity(String keyId, String ciphertext) {
}
