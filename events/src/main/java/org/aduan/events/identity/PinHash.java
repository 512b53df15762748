package org.aduan.events.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The citizen's PIN as it travels in events: {@code hmac-sha256$<keyId>$<salt>$<mac>}, a salted HMAC
 * under a secret key that only intake (which hashes) and followup (which verifies) hold.
 * <p>
 * Why keyed rather than a slow hash: a six-digit PIN has only a million values, so no affordable
 * iteration count stops an offline search by whoever can read the topic; a key they do not hold does,
 * and costs microseconds per complaint instead of tens of milliseconds of CPU.
 */
public final class PinHash {

    private static final String SCHEME = "hmac-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final SecretKeySpec key;

    public PinHash(String keyId, String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalArgumentException("PIN key must be at least 32 bytes, got " + raw.length);
        }
        if (!keyId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("PIN key id must be [A-Za-z0-9._-]+");
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String hash(String pin) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + keyId + "$" + b64(salt) + "$" + b64(mac(pin, salt));
    }

    /** Constant-time check of a PIN against a stored hash; a malformed hash or another key never matches. */
    public boolean matches(String pin, String stored) {
        if (pin == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0]) || !keyId.equals(parts[1])) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, mac(pin, salt));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String pin, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(salt);
            return mac.doFinal(pin.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
