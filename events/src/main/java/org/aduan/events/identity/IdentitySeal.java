package org.aduan.events.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.aduan.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Seals and opens {@link Reporter}s with one AES-256 key (base64 in configuration). */
public final class IdentitySeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final SecretKeySpec key;

    public IdentitySeal(String keyId, String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalArgumentException("identity key must be 32 bytes (AES-256), got " + raw.length);
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String keyId() {
        return keyId;
    }

    public SealedIdentity seal(Reporter reporter) {
        try {
            return sealBytes(EventJson.mapper().writeValueAsBytes(reporter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot seal reporter identity", e);
        }
    }

    public Reporter open(SealedIdentity sealed) {
        try {
            return EventJson.mapper().readValue(openBytes(sealed), Reporter.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot open reporter identity", e);
        }
    }

    /** Seals a short secret that is not a reporter (intake keeps a PIN this way for idempotent replays). */
    public SealedIdentity sealText(String secret) {
        return sealBytes(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String openText(SealedIdentity sealed) {
        return new String(openBytes(sealed), java.nio.charset.StandardCharsets.UTF_8);
    }

    private SealedIdentity sealBytes(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return new SealedIdentity(keyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    private byte[] openBytes(SealedIdentity sealed) {
        if (!keyId.equals(sealed.keyId())) {
            throw new IllegalArgumentException("identity sealed with key " + sealed.keyId() + ", this seal holds " + keyId);
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed data", e);
        }
    }
}
