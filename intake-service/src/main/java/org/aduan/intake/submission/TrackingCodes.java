package org.aduan.intake.submission;

import java.security.SecureRandom;

/**
 * Tracking codes like {@code ADN-7KQ2-M9XD} and six-digit PINs. The alphabet leaves out 0/O, 1/I/L and
 * U so that a code read over the phone or copied from an SMS cannot be mistyped into another one.
 */
final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder("ADN-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String newPin() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
