package org.aduan.intake.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMACs webhook providers sign with, and comparisons that take the same time whatever differs. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmac(String algorithm, String secret, byte[] data) {
        return hmac(algorithm, secret.getBytes(StandardCharsets.UTF_8), data);
    }

    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hmacSha256Hex(String secret, byte[] data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", secret, data));
    }

    public static String hmacSha256Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, data));
    }

    public static String hmacSha1Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret, data));
    }

    /** Constant-time equality of two secrets or signatures; null never matches. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
